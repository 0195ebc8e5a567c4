# SPDX-License-Identifier: MIT
# Prozesslotse in a container on Debian 12 (issue #15). Two stages: build with the Debian -dev
# packages and pack the .deb, then install that .deb (binary in /usr/bin, data set in /usr/share/lotse,
# found next to the binary) onto debian:12-slim with the libraries its Depends name.
#   docker build -t prozesslotse .
#   docker run --rm -v "$PWD:/work" prozesslotse analyze samples/hundesteuer.bpmn -o berichte/
# The same install tree is tested without docker by tools/test_install.sh (CTest install_tree).
FROM debian:12-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ cmake make pkg-config dpkg-dev file libboost-graph-dev libboost1.74-dev libpugixml-dev libeigen3-dev \
      libspdlog-dev libfmt-dev nlohmann-json3-dev libcli11-dev libzip-dev zlib1g-dev libhowardhinnant-date-dev \
      tzdata libutf8proc-dev libxlsxwriter-dev librsvg2-dev libcairo2-dev libpango1.0-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# The .deb of tools/make_deb.sh (CTest deb_package): its Depends come from dpkg-shlibdeps, so the
# runtime stage gets exactly the libraries the binary links.
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DLOTSE_BUILD_TESTS=OFF -DLOTSE_BUILD_BENCH=OFF \
 && cmake --build /build -j"$(nproc)" --target lotse \
 && cd /build && cpack -G DEB -B /pkg

FROM debian:12-slim
COPY --from=build /pkg/*.deb /tmp/
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/*.deb tzdata fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* /tmp/*.deb \
 && useradd --system --create-home lotse
USER lotse
WORKDIR /work
ENTRYPOINT ["lotse"]
CMD ["--help"]
