echo "build sees http_proxy=$http_proxy HTTPS_PROXY=$HTTPS_PROXY no_proxy=$no_proxy"
mkdir -p "$PREFIX/share" && echo ok > "$PREFIX/share/proxy-echo.txt"
