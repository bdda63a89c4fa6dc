// The sift executable: arguments and terminal checks only; everything else lives in the libraries.
import SiftFrame

print("sift 0.1.0")
