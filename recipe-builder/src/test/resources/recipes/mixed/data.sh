mkdir -p "$PREFIX/share/mixed" && echo data > "$PREFIX/share/mixed/data.txt"
