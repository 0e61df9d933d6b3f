test -f "$PREFIX/share/one.txt"
mkdir -p "$PREFIX/share"
echo "two built against: $(cat "$PREFIX/share/one.txt")" > "$PREFIX/share/two.txt"
