# faultline in a container (docs/install.md, "Container"). Two stages: the first
# builds the Debian packages on debian:12 exactly as a developer would
# (tools/install-deps, CMake, CPack); the second installs the runtime package on
# debian:12-slim, which pulls only the shared libraries the programs link.
#   docker build -t faultline .                         # entrypoint: faultline
#   docker build --target gateway -t faultline-gateway .  # entrypoint: faultline-gateway
#   docker run --rm -v "$PWD:/work" faultline run /usr/share/faultline/scenarios/reference.json
FROM debian:12 AS build
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends git ca-certificates >/dev/null
WORKDIR /src
COPY tools/install-deps tools/install-deps
RUN tools/install-deps
COPY . .
# No GUI (no display in a container), no MPI launcher, no tests or benchmarks.
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DFAULTLINE_BUILD_GUI=OFF \
      -DFAULTLINE_BUILD_TESTS=OFF -DFAULTLINE_BUILD_BENCHMARKS=OFF -DCMAKE_DISABLE_FIND_PACKAGE_MPI=ON \
 && cmake --build /build -j "$(nproc)" \
 && cd /build && cpack -G DEB -B /packages

FROM debian:12-slim AS runtime
COPY --from=build /packages/faultline_*.deb /tmp/
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends /tmp/faultline_*.deb >/dev/null \
 && rm -rf /var/lib/apt/lists/* /tmp/*.deb \
 && useradd --create-home --uid 10001 faultline
USER faultline
WORKDIR /work

FROM runtime AS gateway
ENTRYPOINT ["faultline-gateway"]
CMD ["--help"]

FROM runtime AS faultline
ENTRYPOINT ["faultline"]
CMD ["--help"]
