#!/bin/bash
# Runs on the host, as upstream docker-pkg runs test.sh; $1 is the full label of the image under test.
set -eu
docker run --rm "$1" sh -c "greet | grep -q 'greetings from the build stage' && test ! -e /build"
echo "verified $1"
