echo "fails: about to fail on purpose"
exit 3
