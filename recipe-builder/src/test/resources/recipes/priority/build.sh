mkdir -p "$PREFIX/share"
conda config --show channel_priority | tee "$PREFIX/share/priority.txt"
