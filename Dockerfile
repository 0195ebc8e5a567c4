# SPDX-License-Identifier: MIT
# Prozesslotse in a container on Debian 12 (issue #15). Two stages: build with the Debian -dev
# packages, then copy only the installed tree (bin/lotse, share/lotse/) onto debian:12-slim with the
# runtime libraries. The binary finds its data set next to itself (/usr/local/share/lotse).
#   docker build -t prozesslotse .
#   docker run --rm -v "$PWD:/work" prozesslotse analyze samples/hundesteuer.bpmn -o berichte/
# The same install tree is tested without docker by tools/test_install.sh (CTest install_tree).
FROM debian:12-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ cmake make pkg-config libboost-graph-dev libpugixml-dev libeigen3-dev libspdlog-dev libfmt-dev \
      nlohmann-json3-dev libcli11-dev libzip-dev zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DLOTSE_BUILD_TESTS=OFF -DLOTSE_BUILD_BENCH=OFF \
 && cmake --build /build -j"$(nproc)" --target lotse \
 && cmake --install /build --prefix /opt/lotse --strip

FROM debian:12-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libfmt9 libpugixml1v5 libzip4 zlib1g \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home lotse
COPY --from=build /opt/lotse/ /usr/local/
USER lotse
WORKDIR /work
ENTRYPOINT ["lotse"]
CMD ["--help"]
