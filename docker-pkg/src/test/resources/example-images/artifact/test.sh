#!/bin/bash
set -eu
greet | grep -q 'greetings from the build stage'
test ! -e /build
echo "verified $1"
