#!/bin/bash
# Runs on the host, as upstream docker-pkg runs test.sh; $1 is the full label of the image under test.
set -eu
docker run --rm "$1" sh -c 'test "$(hello)" = "Hello, world!" && grep -q "^grandchild of 1.0$" /etc/dp-grandchild'
echo "verified $1"
