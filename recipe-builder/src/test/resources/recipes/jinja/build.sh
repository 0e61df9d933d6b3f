mkdir -p "$PREFIX/share"
echo "$PKG_NAME $PKG_VERSION $PKG_BUILD_STRING" > "$PREFIX/share/jinja.txt"
