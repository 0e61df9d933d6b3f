mkdir -p "$PREFIX/share"
echo "one $PKG_VERSION" > "$PREFIX/share/one.txt"
