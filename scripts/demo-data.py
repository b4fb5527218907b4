"""The demo's "own data": Fashion-MNIST images as files, and their vectors as a .npy + a path list.

Usage: demo-data.py ROOT VECTORS.npy PATHS.txt [--train N] [--test T]
Writes ROOT/images/<class>/<n>.pgm (N training images) and ROOT/queries/<class>/<n>.pgm (T test images), and
VECTORS.npy (float32, one row of 784 pixels per file) with PATHS.txt (row i's file, relative to ROOT): exactly
what `vexfs import ROOT VECTORS.npy --paths PATHS.txt` takes. Standard library only. The pixels stand in for the
embeddings a model would give your own files. Without Debian's dataset-fashion-mnist it generates stand-ins
(random class prototypes plus noise) and says so.
"""
import gzip
import os
import random
import struct
import sys

CLASSES = ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle-boot"]
DATA = "/usr/share/datasets/fashion-mnist"


def idx(path):
    with gzip.open(path, "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = [struct.unpack(">I", f.read(4))[0] for _ in range(magic & 0xFF)]
        return dims, f.read()


def load(kind, n):
    """(label, 784 pixel bytes) for the first n images of 'train' or 't10k'."""
    dims, pixels = idx(f"{DATA}/{kind}-images-idx3-ubyte.gz")
    _, labels = idx(f"{DATA}/{kind}-labels-idx1-ubyte.gz")
    return [(labels[i], pixels[i * 784:(i + 1) * 784]) for i in range(min(n, dims[0]))]


def generated(n, seed):
    rnd = random.Random(seed)
    protos = [[random.Random(c).randrange(256) for _ in range(784)] for c in range(10)]
    out = []
    for i in range(n):
        c = rnd.randrange(10)
        out.append((c, bytes(max(0, min(255, p + rnd.randint(-60, 60))) for p in protos[c])))
    return out


def write_npy(path, rows):
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, 784), }" % len(rows)
    header += " " * (63 - (10 + len(header)) % 64) + "\n"  # the data starts at a multiple of 64
    with open(path, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode("latin1"))
        for r in rows:
            f.write(struct.pack("<784f", *r))


def main():
    args = sys.argv[1:]
    if len(args) < 3 or "-h" in args or "--help" in args:
        print(__doc__.strip())
        sys.exit(0 if "-h" in args or "--help" in args else 2)
    root, npy, paths = args[:3]
    train = int(args[args.index("--train") + 1]) if "--train" in args else 2000
    test = int(args[args.index("--test") + 1]) if "--test" in args else 50
    if os.path.exists(f"{DATA}/train-images-idx3-ubyte.gz"):
        sets = [("images", load("train", train)), ("queries", load("t10k", test))]
    else:
        print("demo-data: dataset-fashion-mnist is missing: GENERATED stand-ins, not Fashion-MNIST", file=sys.stderr)
        sets = [("images", generated(train, 1)), ("queries", generated(test, 2))]
    rows, names = [], []
    for top, images in sets:
        for i, (label, px) in enumerate(images):
            rel = f"{top}/{CLASSES[label]}/{i:05d}.pgm"
            os.makedirs(os.path.join(root, os.path.dirname(rel)), exist_ok=True)
            with open(os.path.join(root, rel), "wb") as f:
                f.write(b"P5\n28 28\n255\n" + px)
            rows.append(list(px))
            names.append(rel)
    write_npy(npy, rows)
    with open(paths, "w") as f:
        f.write("\n".join(names) + "\n")
    print(f"demo-data: {len(names)} files under {root}, their vectors in {npy}, paths in {paths}")


if __name__ == "__main__":
    main()
