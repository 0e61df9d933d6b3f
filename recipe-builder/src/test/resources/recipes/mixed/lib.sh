mkdir -p "$PREFIX/lib" && echo lib > "$PREFIX/lib/libmixed.txt"
