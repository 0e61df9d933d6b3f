mkdir -p "$PREFIX/share" && echo variant > "$PREFIX/share/variant.txt"
