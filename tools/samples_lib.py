# SPDX-License-Identifier: MIT
# Writer for the bundled sample models (samples/*.bpmn): turns a compact description (lanes, nodes on a
# column/row grid, flows, data, message flows, figures) into BPMN 2.0 XML with a complete diagram,
# the lotse: extension attributes and a QBP simulation block, and checks the layout for overlapping
# shapes and edges running through shapes. Used by tools/make_samples.py; no dependencies beyond Python 3.
from __future__ import annotations

import math
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "lotse": "https://prozesslotse.de/bpmn/1.0",
    "qbp": "http://www.qbp-simulator.com/Schema201212",
}

# geometry (pixels)
POOL_X = 160
POOL_LABEL_W = 30
COL_W = 130
FIRST_COL_OFFSET = 70          # from the lane's left edge to the centre of column 0
BLACKBOX_H = 80
POOL_GAP = 70
SIZES = {"task": (100, 80), "gateway": (50, 50), "event": (36, 36), "dataobject": (36, 50), "datastore": (50, 50)}
# rows inside a lane: centre offset from the lane top
ROWS3 = {"U": 75, "M": 205, "D": 305}      # upper (branches/rework), main line, data
ROWS2 = {"M": 80, "D": 180}
WORKING_HOURS_PER_YEAR = 1600.0            # 200 days x 8 h (StBA: 1 MAK = 1,600 h)


def fmt(v: float) -> str:
    """Number with a decimal point and no trailing zeros."""
    if abs(v - round(v)) < 1e-9:
        return str(int(round(v)))
    return f"{v:.4f}".rstrip("0").rstrip(".")


@dataclass
class Lane:
    id: str
    name: str
    rows: dict
    height: int
    rate: float
    staff: int
    stelle: str = ""
    top: float = 0.0


@dataclass
class Node:
    id: str
    kind: str             # startEvent, endEvent, task, userTask, serviceTask, exclusiveGateway, parallelGateway,
                          # intermediateCatchEvent
    name: str
    lane: str
    col: float
    row: str = "M"
    attrs: list = field(default_factory=list)    # [(name, value)] lotse attributes (repeatable)
    message: str = ""     # message name for message events
    timer: str = ""       # ISO duration for timer events
    label: str = "below"  # below | above
    doc: str = ""


@dataclass
class Flow:
    id: str
    src: str
    tgt: str
    name: str = ""
    prob: float | None = None
    sport: str = ""       # r l t b (auto when empty)
    tport: str = ""
    via: list = field(default_factory=list)   # [("x"|"y", value)]
    lside: str = "right"  # side of the first segment the name label goes to


@dataclass
class Data:
    id: str
    kind: str             # object | store
    name: str
    lane: str
    col: float
    row: str = "D"
    store: str = ""       # dataStore id for store references
    dx: float = 0
    obj: str = ""         # data objects: share the bpmn:dataObject of another reference (its id)


@dataclass
class Assoc:
    node: str
    data: str
    out: bool             # True: node writes the data (dataOutputAssociation)


@dataclass
class MsgFlow:
    id: str
    src: str              # node id or pool id ("citizen", "external")
    tgt: str
    name: str = ""
    dx: float = 0


@dataclass
class Sample:
    key: str
    title: str
    process_name: str
    town_pool: str
    citizen_pool: str
    lanes: list
    nodes: list
    flows: list
    data: list = field(default_factory=list)
    assocs: list = field(default_factory=list)
    msgflows: list = field(default_factory=list)
    external_pool: str = ""
    process_attrs: list = field(default_factory=list)
    datastores: dict = field(default_factory=dict)   # id -> name
    cases_per_year: int = 0
    comment: str = ""
    documentation: str = ""


class Layout:
    def __init__(self, s: Sample):
        self.s = s
        self.lanes = {l.id: l for l in s.lanes}
        maxcol = max([n.col for n in s.nodes] + [d.col for d in s.data])
        self.width = POOL_LABEL_W + FIRST_COL_OFFSET + maxcol * COL_W + 90
        self.citizen_y = 60
        self.pool_y = self.citizen_y + BLACKBOX_H + POOL_GAP
        y = self.pool_y
        for l in s.lanes:
            l.top = y
            y += l.height
        self.pool_h = y - self.pool_y
        self.external_y = y + POOL_GAP
        self.bounds = {}      # id -> (x, y, w, h)
        self.labels = {}      # id -> (x, y, w, h)
        self.kind = {}
        for n in s.nodes:
            k = "task" if "ask" in n.kind else "gateway" if "ateway" in n.kind else "event"
            self.kind[n.id] = k
            self.bounds[n.id] = self._box(k, n.lane, n.col, n.row)
        for d in s.data:
            k = "dataobject" if d.kind == "object" else "datastore"
            self.kind[d.id] = k
            self.bounds[d.id] = self._box(k, d.lane, d.col, d.row, d.dx)
        px = POOL_X
        self.bounds["citizen"] = (px, self.citizen_y, self.width, BLACKBOX_H)
        self.bounds["town"] = (px, self.pool_y, self.width, self.pool_h)
        if s.external_pool:
            self.bounds["external"] = (px, self.external_y, self.width, BLACKBOX_H)
        for l in s.lanes:
            self.bounds[l.id] = (px + POOL_LABEL_W, l.top, self.width - POOL_LABEL_W, l.height)
        for n in s.nodes:
            if self.kind[n.id] in ("gateway", "event") and n.name:
                self.labels[n.id] = self._label(self.bounds[n.id], n.name, n.label)
        for d in s.data:
            self.labels[d.id] = self._label(self.bounds[d.id], d.name, "below")

    def col_x(self, col: float) -> float:
        return POOL_X + POOL_LABEL_W + FIRST_COL_OFFSET + col * COL_W

    def _box(self, kind, lane, col, row, dx=0.0):
        w, h = SIZES[kind]
        l = self.lanes[lane]
        cx = self.col_x(col) + dx
        cy = l.top + l.rows[row]
        return (cx - w / 2, cy - h / 2, w, h)

    @staticmethod
    def _label(b, text, where):
        w = 100
        lines = max(1, math.ceil(len(text) / 17))
        h = 14 * lines
        x = b[0] + b[2] / 2 - w / 2
        y = b[1] + b[3] + 5 if where == "below" else b[1] - 5 - h
        if where == "belowright":   # clear of a flow leaving the bottom
            x, y = b[0] + b[2] / 2 + 8, b[1] + b[3] + 2
        return (x, y, w, h)

    def centre(self, i):
        x, y, w, h = self.bounds[i]
        return (x + w / 2, y + h / 2)

    def port(self, i, p):
        x, y, w, h = self.bounds[i]
        cx, cy = x + w / 2, y + h / 2
        return {"r": (x + w, cy), "l": (x, cy), "t": (cx, y), "b": (cx, y + h)}[p]

    def route(self, f: Flow):
        sc, tc = self.centre(f.src), self.centre(f.tgt)
        sport, tport = f.sport, f.tport
        if not sport:
            if abs(sc[1] - tc[1]) < 0.5 or f.via:
                sport = "r"
            elif self.kind[f.src] == "gateway":
                sport = "t" if tc[1] < sc[1] else "b"
            else:
                sport = "r"
        if not tport:
            if abs(sc[1] - tc[1]) < 0.5 or f.via:
                tport = "l"
            elif sport in ("t", "b"):
                tport = "l"
            else:
                tport = "t" if tc[1] > sc[1] else "b"
        pts = [self.port(f.src, sport)]
        for axis, v in f.via:
            cx, cy = pts[-1]
            v = self.resolve(axis, v, (cx, cy))
            pts.append((v, cy) if axis == "x" else (cx, v))
        end = self.port(f.tgt, tport)
        cx, cy = pts[-1]
        if tport in ("t", "b"):
            if abs(cx - end[0]) > 0.5 and abs(cy - end[1]) > 0.5:
                pts.append((end[0], cy))
        else:
            if abs(cy - end[1]) > 0.5 and abs(cx - end[0]) > 0.5:
                pts.append((cx, end[1]))
        pts.append(end)
        out = []
        for p in pts:
            if not out or abs(out[-1][0] - p[0]) > 0.5 or abs(out[-1][1] - p[1]) > 0.5:
                out.append(p)
        return out

    def resolve(self, axis, v, cur):
        """Via coordinate: a number, "+N"/"-N" relative to the current point, ("col", c) or ("lane", id, dy)."""
        if isinstance(v, str):
            return (cur[0] if axis == "x" else cur[1]) + float(v)
        if isinstance(v, tuple) and v[0] == "col":
            return self.col_x(v[1])
        if isinstance(v, tuple) and v[0] == "lane":
            return self.lanes[v[1]].top + v[2]
        return float(v)

    def clip(self, i, towards):
        """Point where the line from the centre of i towards `towards` leaves i's box."""
        x, y, w, h = self.bounds[i]
        cx, cy = x + w / 2, y + h / 2
        dx, dy = towards[0] - cx, towards[1] - cy
        if abs(dx) < 1e-9 and abs(dy) < 1e-9:
            return (cx, cy)
        tx = (w / 2) / abs(dx) if abs(dx) > 1e-9 else math.inf
        ty = (h / 2) / abs(dy) if abs(dy) > 1e-9 else math.inf
        t = min(tx, ty)
        return (cx + dx * t, cy + dy * t)

    def assoc_points(self, a: Assoc):
        nc, dc = self.centre(a.node), self.centre(a.data)
        p_node, p_data = self.clip(a.node, dc), self.clip(a.data, nc)
        return [p_node, p_data] if a.out else [p_data, p_node]

    def msg_points(self, m: MsgFlow):
        pools = ("citizen", "external")
        node = m.tgt if m.src in pools else m.src
        pool = m.src if m.src in pools else m.tgt
        x = self.centre(node)[0] + m.dx
        nb = self.bounds[node]
        pb = self.bounds[pool]
        if pool == "citizen":
            node_y, pool_y = nb[1], pb[1] + pb[3]
        else:
            node_y, pool_y = nb[1] + nb[3], pb[1]
        if self.kind[node] == "event" and abs(m.dx) > 0:
            raise ValueError(f"{m.id}: offset message flow on an event")
        a, b = (x, pool_y), (x, node_y)
        return [a, b] if m.src in pools else [b, a]

    def msg_label(self, pts, text):
        """Label in the gap between the pools, right of the (vertical) message flow."""
        x = pts[0][0]
        ys = sorted(p[1] for p in pts)
        lines = max(1, math.ceil(len(text) / 20))
        h = 14 * lines
        gap_top = self.citizen_y + BLACKBOX_H if ys[0] <= self.citizen_y + BLACKBOX_H + 1 else self.pool_y + self.pool_h
        return (x + 5, gap_top + (POOL_GAP - h) / 2, 118, h)

    def flow_label(self, pts, text, side="right"):
        (x0, y0), (x1, y1) = pts[0], pts[1]
        w, h = 7 * len(text) + 6, 14
        if side == "left" and abs(x0 - x1) < 0.5:
            return (x0 - w - 6, y0 + 4 if y1 > y0 else y0 - h - 6, w, h)
        if abs(y0 - y1) < 0.5:   # horizontal first segment
            return (x0 + 6, y0 - h - 4, w, h)
        if y1 < y0:              # up
            return (x0 + 6, y0 - h - 6, w, h)
        return (x0 + 6, y0 + 4, w, h)


# ------------------------------------------------------------------ layout check

def _overlap(a, b, margin=0.0):
    return (a[0] < b[0] + b[2] - margin and b[0] < a[0] + a[2] - margin and
            a[1] < b[1] + b[3] - margin and b[1] < a[1] + a[3] - margin)


def _seg_hits_box(p, q, b, shrink=3.0):
    x0, y0, w, h = b[0] + shrink, b[1] + shrink, b[2] - 2 * shrink, b[3] - 2 * shrink
    if w <= 0 or h <= 0:
        return False
    # Liang-Barsky clipping
    dx, dy = q[0] - p[0], q[1] - p[1]
    t0, t1 = 0.0, 1.0
    for pp, qq in ((-dx, p[0] - x0), (dx, x0 + w - p[0]), (-dy, p[1] - y0), (dy, y0 + h - p[1])):
        if abs(pp) < 1e-12:
            if qq < 0:
                return False
        else:
            r = qq / pp
            if pp < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
            if t0 > t1:
                return False
    return True


def check_layout(s: Sample, lay: Layout, edges):
    """Returns a list of problems: overlapping shapes/labels, shapes outside their lane, edges through shapes."""
    probs = []
    items = [(i, lay.bounds[i]) for i in list(lay.kind)]
    items += [("label:" + i, b) for i, b in lay.labels.items()]
    items += [("label:" + eid, b) for eid, (pts, b) in edges.items() if b]
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if _overlap(items[i][1], items[j][1]):
                probs.append(f"overlap {items[i][0]} / {items[j][0]}")
    for n in s.nodes:
        lb = lay.bounds[n.lane]
        b = lay.bounds[n.id]
        if not (b[0] >= lb[0] and b[1] >= lb[1] and b[0] + b[2] <= lb[0] + lb[2] and b[1] + b[3] <= lb[1] + lb[3]):
            probs.append(f"{n.id} outside lane {n.lane}")
    for i, b in list(lay.labels.items()):
        tb = lay.bounds["town"]
        if b[1] + b[3] > tb[1] + tb[3] or b[1] < tb[1]:
            probs.append(f"label of {i} outside the pool")
    shapes = {i: lay.bounds[i] for i in lay.kind}
    for eid, (pts, _lab) in edges.items():
        ends = edges_ends[eid]
        for a, b in zip(pts, pts[1:]):
            for sid, sb in shapes.items():
                if sid in ends:
                    continue
                if _seg_hits_box(a, b, sb):
                    probs.append(f"edge {eid} runs through {sid}")
    return probs


edges_ends: dict = {}


# ------------------------------------------------------------------ XML writer

def q(v) -> str:
    return quoteattr(str(v))


def lotse_block(attrs, indent):
    if not attrs:
        return []
    pad = " " * indent
    out = [f"{pad}<lotse:attributes>"]
    for name, value in attrs:
        out.append(f"{pad}  <lotse:attribute name={q(name)} value={q(value if isinstance(value, str) else fmt(value))} />")
    out.append(f"{pad}</lotse:attributes>")
    return out


def node_attr(n: Node, name):
    for k, v in n.attrs:
        if k == name:
            return v
    return None


def write(s: Sample) -> tuple[str, list]:
    lay = Layout(s)
    lanes = {l.id: l for l in s.lanes}
    nodes = {n.id: n for n in s.nodes}
    incoming = {n.id: [] for n in s.nodes}
    outgoing = {n.id: [] for n in s.nodes}
    for f in s.flows:
        outgoing[f.src].append(f.id)
        incoming[f.tgt].append(f.id)
    messages = {}
    for n in s.nodes:
        if n.message:
            messages[n.id] = ("Message_" + n.id, n.message)
    edges = {}
    for f in s.flows:
        pts = lay.route(f)
        edges[f.id] = (pts, lay.flow_label(pts, f.name, f.lside) if f.name else None)
        edges_ends[f.id] = {f.src, f.tgt}
    for m in s.msgflows:
        pts = lay.msg_points(m)
        edges[m.id] = (pts, lay.msg_label(pts, m.name) if m.name else None)
        edges_ends[m.id] = {m.src, m.tgt}
    for k, a in enumerate(s.assocs):
        aid = f"Assoc_{a.node}_{a.data}"
        edges[aid] = (lay.assoc_points(a), None)
        edges_ends[aid] = {a.node, a.data}
    problems = check_layout(s, lay, edges)

    pid = "Process_" + s.key
    L = ['<?xml version="1.0" encoding="UTF-8"?>']
    if s.comment:
        L.append("<!--")
        L += ["  " + line if line else "" for line in s.comment.strip("\n").split("\n")]
        L.append("-->")
    L.append('<bpmn:definitions ' + " ".join(f'xmlns:{p}="{u}"' for p, u in NS.items()) +
             f' id="Definitions_{s.key}" targetNamespace="https://prozesslotse.de/samples"'
             ' exporter="Prozesslotse tools/make_samples.py" exporterVersion="1.0">')
    # collaboration
    L.append(f'  <bpmn:collaboration id="Collaboration_{s.key}">')
    L.append(f'    <bpmn:participant id="Participant_citizen" name={q(s.citizen_pool)} />')
    L.append(f'    <bpmn:participant id="Participant_town" name={q(s.town_pool)} processRef="{pid}" />')
    if s.external_pool:
        L.append(f'    <bpmn:participant id="Participant_external" name={q(s.external_pool)} />')
    pool_ids = {"citizen": "Participant_citizen", "external": "Participant_external"}
    for m in s.msgflows:
        src = pool_ids.get(m.src, m.src)
        tgt = pool_ids.get(m.tgt, m.tgt)
        nm = f" name={q(m.name)}" if m.name else ""
        L.append(f'    <bpmn:messageFlow id="{m.id}"{nm} sourceRef="{src}" targetRef="{tgt}" />')
    L.append("  </bpmn:collaboration>")
    # process
    L.append(f'  <bpmn:process id="{pid}" name={q(s.process_name)} isExecutable="false">')
    if s.documentation:
        L.append(f"    <bpmn:documentation>{escape(s.documentation)}</bpmn:documentation>")
    L.append("    <bpmn:extensionElements>")
    L += lotse_block(s.process_attrs, 6)
    L += qbp_block(s, pid, nodes, lanes)
    L.append("    </bpmn:extensionElements>")
    L.append(f'    <bpmn:laneSet id="LaneSet_{s.key}">')
    for l in s.lanes:
        L.append(f'      <bpmn:lane id="{l.id}" name={q(l.name)}>')
        L.append("        <bpmn:extensionElements>")
        L += lotse_block([("stelle", l.stelle or l.name), ("cost_rate_eur_per_hour", l.rate)], 10)
        L.append("        </bpmn:extensionElements>")
        for n in s.nodes:
            if n.lane == l.id:
                L.append(f"        <bpmn:flowNodeRef>{n.id}</bpmn:flowNodeRef>")
        L.append("      </bpmn:lane>")
    L.append("    </bpmn:laneSet>")
    for n in s.nodes:
        tag = "bpmn:" + ("task" if n.kind == "task" else n.kind)
        L.append(f'    <{tag} id="{n.id}" name={q(n.name)}>')
        if n.doc:
            L.append(f"      <bpmn:documentation>{escape(n.doc)}</bpmn:documentation>")
        if n.attrs:
            L.append("      <bpmn:extensionElements>")
            L += lotse_block(n.attrs, 8)
            L.append("      </bpmn:extensionElements>")
        for f in incoming[n.id]:
            L.append(f"      <bpmn:incoming>{f}</bpmn:incoming>")
        for f in outgoing[n.id]:
            L.append(f"      <bpmn:outgoing>{f}</bpmn:outgoing>")
        ins = [a for a in s.assocs if a.node == n.id and not a.out]
        outs = [a for a in s.assocs if a.node == n.id and a.out]
        if ins:
            L.append(f'      <bpmn:property id="Property_{n.id}" name="__targetRef_placeholder" />')
        for a in ins:
            L.append(f'      <bpmn:dataInputAssociation id="Assoc_{a.node}_{a.data}">')
            L.append(f"        <bpmn:sourceRef>{a.data}</bpmn:sourceRef>")
            L.append(f"        <bpmn:targetRef>Property_{n.id}</bpmn:targetRef>")
            L.append("      </bpmn:dataInputAssociation>")
        for a in outs:
            L.append(f'      <bpmn:dataOutputAssociation id="Assoc_{a.node}_{a.data}">')
            L.append(f"        <bpmn:targetRef>{a.data}</bpmn:targetRef>")
            L.append("      </bpmn:dataOutputAssociation>")
        if n.message:
            L.append(f'      <bpmn:messageEventDefinition id="MED_{n.id}" messageRef="{messages[n.id][0]}" />')
        if n.timer:
            L.append(f'      <bpmn:timerEventDefinition id="TED_{n.id}">')
            L.append(f'        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">{n.timer}</bpmn:timeDuration>')
            L.append("      </bpmn:timerEventDefinition>")
        L.append(f"    </{tag}>")
    for d in s.data:
        if d.kind == "object":
            L.append(f'    <bpmn:dataObjectReference id="{d.id}" name={q(d.name)} dataObjectRef="DataObject_{d.obj or d.id}" />')
            if not d.obj:
                L.append(f'    <bpmn:dataObject id="DataObject_{d.id}" />')
        else:
            L.append(f'    <bpmn:dataStoreReference id="{d.id}" name={q(d.name)} dataStoreRef="{d.store}" />')
    for f in s.flows:
        nm = f" name={q(f.name)}" if f.name else ""
        if f.prob is None:
            L.append(f'    <bpmn:sequenceFlow id="{f.id}"{nm} sourceRef="{f.src}" targetRef="{f.tgt}" />')
        else:
            L.append(f'    <bpmn:sequenceFlow id="{f.id}"{nm} sourceRef="{f.src}" targetRef="{f.tgt}">')
            L.append("      <bpmn:extensionElements>")
            L += lotse_block([("probability", f.prob)], 8)
            L.append("      </bpmn:extensionElements>")
            L.append("    </bpmn:sequenceFlow>")
    L.append("  </bpmn:process>")
    for sid, name in s.datastores.items():
        L.append(f'  <bpmn:dataStore id="{sid}" name={q(name)} />')
    for mid, name in messages.values():
        L.append(f'  <bpmn:message id="{mid}" name={q(name)} />')
    # diagram
    L.append(f'  <bpmndi:BPMNDiagram id="Diagram_{s.key}">')
    L.append(f'    <bpmndi:BPMNPlane id="Plane_{s.key}" bpmnElement="Collaboration_{s.key}">')

    def shape(el, b, extra="", label=None):
        L.append(f'      <bpmndi:BPMNShape id="{el}_di" bpmnElement="{el}"{extra}>')
        L.append(f'        <dc:Bounds x="{fmt(b[0])}" y="{fmt(b[1])}" width="{fmt(b[2])}" height="{fmt(b[3])}" />')
        if label:
            L.append("        <bpmndi:BPMNLabel>")
            L.append(f'          <dc:Bounds x="{fmt(label[0])}" y="{fmt(label[1])}" width="{fmt(label[2])}" height="{fmt(label[3])}" />')
            L.append("        </bpmndi:BPMNLabel>")
        L.append("      </bpmndi:BPMNShape>")

    shape("Participant_citizen", lay.bounds["citizen"], ' isHorizontal="true"')
    shape("Participant_town", lay.bounds["town"], ' isHorizontal="true"')
    if s.external_pool:
        shape("Participant_external", lay.bounds["external"], ' isHorizontal="true"')
    for l in s.lanes:
        shape(l.id, lay.bounds[l.id], ' isHorizontal="true"')
    for n in s.nodes:
        extra = ' isMarkerVisible="true"' if n.kind == "exclusiveGateway" else ""
        shape(n.id, lay.bounds[n.id], extra, lay.labels.get(n.id))
    for d in s.data:
        shape(d.id, lay.bounds[d.id], "", lay.labels.get(d.id))
    for eid, (pts, lab) in edges.items():
        L.append(f'      <bpmndi:BPMNEdge id="{eid}_di" bpmnElement="{eid}">')
        for x, y in pts:
            L.append(f'        <di:waypoint x="{fmt(x)}" y="{fmt(y)}" />')
        if lab:
            L.append("        <bpmndi:BPMNLabel>")
            L.append(f'          <dc:Bounds x="{fmt(lab[0])}" y="{fmt(lab[1])}" width="{fmt(lab[2])}" height="{fmt(lab[3])}" />')
            L.append("        </bpmndi:BPMNLabel>")
        L.append("      </bpmndi:BPMNEdge>")
    L.append("    </bpmndi:BPMNPlane>")
    L.append("  </bpmndi:BPMNDiagram>")
    L.append("</bpmn:definitions>")
    return "\n".join(L) + "\n", problems


def qbp_block(s: Sample, pid, nodes, lanes):
    """QBP (BIMP) simulation parameters, Apromore placement (process/extensionElements), values in seconds."""
    mean_arrival = WORKING_HOURS_PER_YEAR * 3600.0 / s.cases_per_year
    out = [f'      <qbp:processSimulationInfo id="qbp_{s.key}" processId="{pid}" processInstances="{s.cases_per_year}"'
           ' startDateTime="2026-01-05T08:00:00.000Z" currency="EUR">']
    a = fmt(round(mean_arrival))
    out.append(f'        <qbp:arrivalRateDistribution type="EXPONENTIAL" mean="{a}" arg1="{a}" arg2="0">')
    out.append("          <qbp:timeUnit>seconds</qbp:timeUnit>")
    out.append("        </qbp:arrivalRateDistribution>")
    out.append("        <qbp:timetables>")
    out.append('          <qbp:timetable id="QBP_SPRECHZEITEN" default="true" name="Sprechzeiten">')
    out.append("            <qbp:rules>")
    out.append('              <qbp:rule fromTime="08:00:00.000+00:00" toTime="16:00:00.000+00:00" fromWeekDay="MONDAY" toWeekDay="FRIDAY" />')
    out.append("            </qbp:rules>")
    out.append("          </qbp:timetable>")
    out.append("        </qbp:timetables>")
    out.append("        <qbp:resources>")
    for l in s.lanes:
        out.append(f'          <qbp:resource id="R_{l.id}" name={q(l.stelle or l.name)} totalAmount="{l.staff}"'
                   f' costPerHour="{fmt(l.rate)}" timetableId="QBP_SPRECHZEITEN" />')
    out.append("        </qbp:resources>")
    out.append("        <qbp:elements>")
    for n in s.nodes:
        if "ask" not in n.kind:
            continue
        minutes = float(node_attr(n, "processing_minutes"))
        sec = minutes * 60.0
        out.append(f'          <qbp:element id="qbp_el_{n.id}" elementId="{n.id}">')
        if sec == 0:
            out.append('            <qbp:durationDistribution type="FIXED" mean="0" arg1="0" arg2="0">')
        else:
            out.append(f'            <qbp:durationDistribution type="NORMAL" mean="{fmt(sec)}" arg1="{fmt(sec * 0.2)}" arg2="0">')
        out.append("              <qbp:timeUnit>seconds</qbp:timeUnit>")
        out.append("            </qbp:durationDistribution>")
        out.append(f"            <qbp:resourceIds><qbp:resourceId>R_{n.lane}</qbp:resourceId></qbp:resourceIds>")
        out.append("          </qbp:element>")
    out.append("        </qbp:elements>")
    out.append("        <qbp:sequenceFlows>")
    for f in s.flows:
        if f.prob is not None:
            out.append(f'          <qbp:sequenceFlow elementId="{f.id}" executionProbability="{fmt(f.prob)}" />')
    out.append("        </qbp:sequenceFlows>")
    out.append("      </qbp:processSimulationInfo>")
    return out
