echo "tampered" >> "$RECIPE_DIR/meta.yaml"
touch "$RECIPE_DIR/left-behind"
mkdir -p "$PREFIX/share" && echo x > "$PREFIX/share/x.txt"
