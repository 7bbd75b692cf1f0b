#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates and packs GenreScope's librosa reference arrays (tests/data/reference).

The tests never run this script and never need librosa: they read the stored arrays.

    generate.py verify          every stored array against the sha256 in its case.json (no librosa)
    generate.py pack            raw .f32/.f64 under cases/ and e2e/ -> .shz (then verify)
    generate.py unpack          .shz -> raw .f32/.f64 (for numpy.fromfile); `pack` undoes it
    generate.py cases|e2e|fma|all [--out DIR]
                                recompute the arrays with librosa (default: in place), then pack

Only `cases`, `e2e`, `fma` and `all` need librosa 0.10.2.post1 (the reference version). It is not a
Debian 12 package; install it in a virtual environment that reuses Debian's numpy and scipy:

    sudo apt-get install python3-venv python3-numpy python3-scipy libsoxr0 libsndfile1
    python3 -m venv --system-site-packages ~/librosa-0.10
    ~/librosa-0.10/bin/pip install librosa==0.10.2.post1 soundfile==0.12.1
    ~/librosa-0.10/bin/python tests/data/reference/generate.py all

librosa 0.10 imports the `soxr` module (python-soxr) at start-up. This script puts a stand-in of
that module first: it calls the system libsoxr (Debian's libsoxr0, 0.1.3) through ctypes with the
HQ recipe, float32 in and out, as GenreScope does, so that `librosa.load(path, sr=22050)` resamples
with the same library GenreScope links. The audio cases use res_type='polyphase' (scipy) and never
reach it.

Storage (.shz): the little-endian array bytes split into byte planes (every element's byte 0,
then every byte 1, ...; 4 planes for float32, 8 for float64), compressed with zlib, behind a
4-byte big-endian length of the uncompressed data (the layout of Qt's qCompress). Reading back:
zlib-decompress data[4:], then interleave the planes. The planes make floats compress far
better than zlib alone. Array files under fma/ stay raw.
"""
import argparse
import ctypes
import ctypes.util
import hashlib
import json
import struct
import sys
import types
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
PACKED = ("cases", "e2e")  # folders whose arrays are stored as .shz
GROUPS = ("metal", "orchestral", "electronic", "ambient", "chiptune")
E2E_CLIPS = [f"{g}__{c}" for g, cs in (
    ("metal", ("01-armygeddon", "02-chaos-god")),
    ("orchestral", ("01-peer-gynt-morning", "02-unknown-horizons-main-theme")),
    ("electronic", ("01-sixtyfour-revisited", "02-stairs")),
    ("ambient", ("01-the-beginning", "02-ambient-2")),
    ("chiptune", ("01-future-cowboy", "02-dust-and-rust"))) for c in cs]
E2E_WITH_Y = ("metal__01-armygeddon", "orchestral__01-peer-gynt-morning")
FMA_WITH_CQT = ("metal__01-armygeddon", "ambient__01-the-beginning")


# ---------------------------------------------------------------- storage (no librosa needed)

def width_of(path):
    return 8 if path.name.endswith((".f64", ".f64.shz")) else 4


def pack_bytes(raw, width):
    planes = b"".join(raw[b::width] for b in range(width))
    return struct.pack(">I", len(raw)) + zlib.compress(planes, 9)


def unpack_bytes(data, width):
    (size,) = struct.unpack(">I", data[:4])
    planes = zlib.decompress(data[4:])
    if len(planes) != size or size % width:
        raise ValueError("corrupt .shz data")
    n = size // width
    out = bytearray(size)
    for b in range(width):
        out[b::width] = planes[b * n:(b + 1) * n]
    return bytes(out)


def read_array_bytes(path):
    """Bytes of the array stored as `path` (raw) or `path`.shz."""
    if path.exists():
        return path.read_bytes()
    packed = path.with_name(path.name + ".shz")
    return unpack_bytes(packed.read_bytes(), width_of(path))


def array_files(root, suffixes):
    for folder in PACKED:
        for p in sorted((root / folder).rglob("*")):
            if p.is_file() and p.name.endswith(suffixes):
                yield p


def cmd_pack(root):
    before = after = 0
    for p in array_files(root, (".f32", ".f64")):
        raw = p.read_bytes()
        packed = pack_bytes(raw, width_of(p))
        assert unpack_bytes(packed, width_of(p)) == raw
        p.with_name(p.name + ".shz").write_bytes(packed)
        p.unlink()
        before += len(raw)
        after += len(packed)
    if before:
        print(f"packed {before} bytes into {after} ({100.0 * after / before:.1f} %)")
    cmd_verify(root)


def cmd_unpack(root):
    for p in array_files(root, (".shz",)):
        raw = p.with_name(p.name[:-4])
        raw.write_bytes(unpack_bytes(p.read_bytes(), width_of(raw)))
        p.unlink()


def cmd_verify(root):
    checked = 0
    for case_json in sorted((root / "cases").glob("*/case.json")):
        meta = json.loads(case_json.read_text())
        for name, a in meta["arrays"].items():
            data = read_array_bytes(case_json.parent / a["file"])
            if hashlib.sha256(data).hexdigest() != a["sha256"]:
                sys.exit(f"{case_json.parent.name}/{a['file']}: sha256 differs from case.json")
            checked += 1
    for case_json in sorted((root / "cases").glob("*/case.json")):
        inp = json.loads(case_json.read_text()).get("input")
        if inp and hashlib.sha256((root / "inputs" / inp["file"]).read_bytes()).hexdigest() != inp["sha256"]:
            sys.exit(f"inputs/{inp['file']}: sha256 differs from case.json")
    print(f"verified {checked} arrays of cases/ and their inputs against case.json")


# ---------------------------------------------------------------- librosa (regeneration only)

def install_soxr_standin():
    """A `soxr` module whose resample() runs the system libsoxr (HQ, float32) through ctypes."""
    import numpy as np
    lib = ctypes.CDLL(ctypes.util.find_library("soxr") or "libsoxr.so.0")

    class IoSpec(ctypes.Structure):
        _fields_ = [("itype", ctypes.c_int), ("otype", ctypes.c_int), ("scale", ctypes.c_double),
                    ("e", ctypes.c_void_p), ("flags", ctypes.c_ulong)]

    class QualitySpec(ctypes.Structure):
        _fields_ = [("precision", ctypes.c_double), ("phase_response", ctypes.c_double),
                    ("passband_end", ctypes.c_double), ("stopband_begin", ctypes.c_double),
                    ("e", ctypes.c_void_p), ("flags", ctypes.c_ulong)]

    lib.soxr_io_spec.restype = IoSpec
    lib.soxr_io_spec.argtypes = [ctypes.c_int, ctypes.c_int]
    lib.soxr_quality_spec.restype = QualitySpec
    lib.soxr_quality_spec.argtypes = [ctypes.c_ulong, ctypes.c_ulong]
    lib.soxr_oneshot.restype = ctypes.c_char_p
    lib.soxr_oneshot.argtypes = [ctypes.c_double, ctypes.c_double, ctypes.c_uint, ctypes.c_void_p,
                                 ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p,
                                 ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t),
                                 ctypes.POINTER(IoSpec), ctypes.POINTER(QualitySpec), ctypes.c_void_p]
    SOXR_FLOAT32_I, SOXR_HQ = 0, 4  # soxr.h: SOXR_FLOAT32_I = 0; SOXR_HQ = SOXR_20_BITQ = 4

    def resample(x, in_rate, out_rate, quality="HQ"):
        if str(quality).lower() not in ("hq", "soxr_hq"):
            raise ValueError(f"stand-in soxr does only HQ, not {quality}")
        x = np.ascontiguousarray(x, dtype=np.float32)
        out = np.zeros(int(np.ceil(len(x) * out_rate / in_rate)) + 16, dtype=np.float32)
        done = ctypes.c_size_t(0)
        io = lib.soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        q = lib.soxr_quality_spec(SOXR_HQ, 0)
        err = lib.soxr_oneshot(float(in_rate), float(out_rate), 1, x.ctypes.data, len(x), None,
                               out.ctypes.data, len(out), ctypes.byref(done), ctypes.byref(io),
                               ctypes.byref(q), None)
        if err:
            raise RuntimeError(err.decode())
        return out[:done.value]

    module = types.ModuleType("soxr")
    module.resample = resample
    module.__version__ = "system libsoxr (stand-in)"
    sys.modules["soxr"] = module


def environment():
    import numpy
    import scipy
    import librosa
    import soundfile
    return {"librosa_version": librosa.__version__, "numpy": numpy.__version__, "scipy": scipy.__version__,
            "soundfile": soundfile.__version__, "libsndfile": soundfile.__libsndfile_version__,
            "python": sys.version.split()[0], "soxr": "stand-in (system libsoxr via ctypes, HQ)"}


def describe(a, axes, **extra):
    import numpy as np
    d = {"dtype": str(a.dtype), "byte_order": "little", "order": "C (row-major: last axis varies fastest)",
         "shape": list(a.shape), "axes": axes,
         "sha256": hashlib.sha256(np.ascontiguousarray(a).astype("<" + a.dtype.str[1:]).tobytes()).hexdigest(),
         "min": float(a.min()), "max": float(a.max()), "mean": float(a.astype(np.float64).mean())}
    d.update(extra)
    return d


def write_array(folder, name, a):
    import numpy as np
    ext = ".f64" if a.dtype == np.float64 else ".f32"
    folder.mkdir(parents=True, exist_ok=True)
    np.ascontiguousarray(a).astype("<" + a.dtype.str[1:]).tofile(folder / (name + ext))
    return name + ext


AUDIO_CASES = {  # input WAV stem -> (n_mels, n_mfcc) configurations
    "a_sines_220_440_3520_3s": ((128, 20), (40, 13)),
    "b_chirp_50_10000_3s": ((128, 20), (40, 13)),
    "c_white_noise_seed12345_3s": ((128, 20), (40, 13)),
    "d_silence_1s": ((128, 20), (40, 13)),
    "e_short_0p05s_1102samples": ((128, 20), (40, 13)),
    "f_music_stereo_44100_30s_pcm16": ((128, 20),),
}
FILTERBANKS = ((128, True, None), (128, False, "slaney"), (40, False, "slaney"))  # n_mels, htk, norm
MANIFEST_HEADER = "# case\tarray\tfile\tdtype\tndim\tdim0\tdim1\tsr\tn_fft\thop_length\tn_mels\tn_mfcc\thtk\tmel_norm\n"


def gen_cases(out):
    """cases/ from the stored inputs/*.wav (the inputs themselves are fixed, checked by sha256)."""
    import numpy as np
    import scipy.signal
    import soundfile
    import librosa
    sr, n_fft, hop = 22050, 2048, 512
    env = environment()
    manifest = []

    def row(case, name, meta, n_mels, n_mfcc="-", htk=False, norm="slaney", hop_length="-"):
        shape = meta["shape"] + [1] * (2 - len(meta["shape"]))
        manifest.append([case, name, f"{case}/{meta['file']}", meta["dtype"], len(meta["shape"]), *shape,
                         sr, n_fft, hop_length, n_mels, n_mfcc, htk, norm])

    for stem, configs in AUDIO_CASES.items():
        wav = HERE / "inputs" / f"{stem}.wav"
        info = soundfile.info(str(wav))
        native_sr = info.samplerate
        res_type = None if native_sr == sr else "polyphase"
        y, _ = librosa.load(str(wav), sr=sr, mono=True, res_type=res_type or "polyphase")
        changed = info.channels != 1 or native_sr != sr or info.subtype != "FLOAT"
        for n_mels, n_mfcc in configs:
            case = f"{stem}__mels{n_mels}_mfcc{n_mfcc}"
            folder = out / "cases" / case
            S = np.abs(librosa.stft(y, n_fft=n_fft, hop_length=hop, window="hann", center=True)) ** 2
            mel = librosa.feature.melspectrogram(y=y, sr=sr, n_fft=n_fft, hop_length=hop, window="hann",
                                                 center=True, power=2.0, n_mels=n_mels, fmin=0.0,
                                                 fmax=sr / 2, htk=False, norm="slaney")
            mel_db = librosa.power_to_db(mel, ref=1.0, amin=1e-10, top_db=80.0)
            mfcc = librosa.feature.mfcc(S=mel_db, n_mfcc=n_mfcc, dct_type=2, norm="ortho")
            arrays = {}
            if changed:
                arrays["y"] = (y, ["sample"])
            if n_mels == 128 and S.shape[1] <= 200:
                arrays["power"] = (S, ["fft_bin", "frame"])
            arrays["mel"] = (mel, ["mel_band", "frame"])
            arrays["mel_db"] = (mel_db, ["mel_band", "frame"])
            arrays["mfcc"] = (mfcc, ["mfcc", "frame"])
            if res_type:
                up, down = 1, native_sr // sr
                taps = scipy.signal.firwin(2 * 10 * max(up, down) + 1, 1.0 / max(up, down),
                                           window=("kaiser", 5.0)).astype(np.float32) * up
                arrays["resample_filter"] = (taps, ["tap"])
            meta = {"kind": "audio",
                    "input": {"file": wav.name, "sha256": hashlib.sha256(wav.read_bytes()).hexdigest(),
                              "native_sr": native_sr, "channels": info.channels, "frames": info.frames,
                              "subtype": info.subtype},
                    "n_samples": len(y), "n_frames": mel.shape[1],
                    "params": {"sr": sr, "mono": True, "load_dtype": "float32", "res_type": res_type,
                               "n_fft": n_fft, "hop_length": hop, "win_length": n_fft, "window": "hann",
                               "center": True, "pad_mode": "constant", "power": 2.0, "n_mels": n_mels,
                               "fmin": 0.0, "fmax": sr / 2, "htk": False, "norm": "slaney",
                               "power_to_db": {"ref": 1.0, "amin": 1e-10, "top_db": 80.0},
                               "n_mfcc": n_mfcc, "dct_type": 2, "dct_norm": "ortho", "lifter": 0},
                    "environment": env, "case": case, "arrays": {}}
            for name, (a, axes) in arrays.items():
                meta["arrays"][name] = dict(file=write_array(folder, name, a), **describe(a, axes))
                row(case, name, meta["arrays"][name], n_mels, n_mfcc, hop_length=hop)
            (folder / "case.json").write_text(json.dumps(meta, indent=2) + "\n")

    for n_mels, htk, norm in FILTERBANKS:
        case = f"filterbank_sr{sr}_nfft{n_fft}_mels{n_mels}_{'htk' if htk else 'slaney'}_norm-{norm or 'none'}"
        folder = out / "cases" / case
        fb = librosa.filters.mel(sr=sr, n_fft=n_fft, n_mels=n_mels, fmin=0.0, fmax=sr / 2, htk=htk, norm=norm)
        edges = librosa.mel_frequencies(n_mels + 2, fmin=0.0, fmax=sr / 2, htk=htk)
        meta = {"kind": "filterbank",
                "params": {"sr": sr, "n_fft": n_fft, "n_mels": n_mels, "fmin": 0.0, "fmax": sr / 2, "htk": htk,
                           "norm": norm, "dtype": "float32"},
                "environment": env, "case": case, "arrays": {}}
        for name, a, axes in (("filterbank", fb, ["mel_band", "fft_bin"]), ("band_edges_hz", edges, ["edge"])):
            meta["arrays"][name] = dict(file=write_array(folder, name, a), **describe(a, axes))
            row(case, name, meta["arrays"][name], n_mels, "-", htk, str(norm))
        (folder / "case.json").write_text(json.dumps(meta, indent=2) + "\n")

    with open(out / "cases" / "manifest.tsv", "w") as f:
        f.write(MANIFEST_HEADER)
        for r in manifest:
            f.write("\t".join(str(v) for v in r) + "\n")


def clip_path(name):
    group, clip = name.split("__")
    for root in (REPO / "resources" / "demo", REPO / "tests" / "data" / "corpus"):
        if (root / group / f"{clip}.mp3").exists():
            return root / group / f"{clip}.mp3"
    raise FileNotFoundError(name)


def gen_e2e(out):
    import numpy as np
    import librosa
    lines = ["case\tsamples\tframes"]
    for name in E2E_CLIPS:
        mp3 = clip_path(name)
        y, sr = librosa.load(str(mp3), sr=22050)
        S = librosa.feature.melspectrogram(y=y, sr=sr, n_fft=2048, hop_length=512, n_mels=128)
        S_db = librosa.power_to_db(S, ref=1.0, amin=1e-10, top_db=80.0)
        M = librosa.feature.mfcc(S=S_db, n_mfcc=20)
        folder = out / "e2e" / name
        meta = {"input": mp3.name, "group": name.split("__")[0],
                "input_sha256": hashlib.sha256(mp3.read_bytes()).hexdigest(), "librosa": librosa.__version__,
                "soxr": "stand-in (system libsoxr via ctypes)",
                "calls": ["librosa.load(path, sr=22050)",
                          "melspectrogram(y, sr, n_fft=2048, hop_length=512, n_mels=128)",
                          "power_to_db(S, ref=1.0, amin=1e-10, top_db=80.0)", "mfcc(S=S_db, n_mfcc=20)"],
                "layout": "row-major float32 little-endian"}
        arrays = {"mel_db": S_db, "mfcc": M}
        if name in E2E_WITH_Y:
            arrays = {"y": y, **arrays}
        for key, a in arrays.items():
            write_array(folder, key, a)
            meta[key] = {"shape": list(a.shape)}
        (folder / "case.json").write_text(json.dumps(meta, indent=1) + "\n")
        lines.append(f"{name}\t{len(y)}\t{S_db.shape[1]}")
        print(name, len(y), S_db.shape[1], flush=True)
    (out / "e2e" / "index.tsv").write_text("\n".join(lines) + "\n")


FMA_SIZES = dict(chroma_stft=12, chroma_cqt=12, chroma_cens=12, tonnetz=6, mfcc=20, rmse=1, zcr=1,
                 spectral_centroid=1, spectral_bandwidth=1, spectral_contrast=7, spectral_rolloff=1)
FMA_MOMENTS = ("mean", "std", "skew", "kurtosis", "median", "min", "max")


def fma_columns():
    """FMA's features.csv columns (feature, statistics, number), sorted as FMA's columns() sorts them."""
    return sorted((name, m, f"{i + 1:02d}") for name, size in FMA_SIZES.items()
                  for m in FMA_MOMENTS for i in range(size))


def gen_fma(out):
    import numpy as np
    import scipy.stats
    import librosa
    cols = fma_columns()
    (out / "fma").mkdir(parents=True, exist_ok=True)
    with open(out / "fma" / "columns.tsv", "w") as f:
        f.write("index\tfeature\tstatistics\tnumber\n")
        for i, c in enumerate(cols):
            f.write(f"{i}\t{c[0]}\t{c[1]}\t{c[2]}\n")
    lines = ["case\tsamples\tframes\ttuning"]
    for name in E2E_CLIPS:
        mp3 = clip_path(name)
        y, sr = librosa.load(str(mp3), sr=22050)
        f = {"zcr": librosa.feature.zero_crossing_rate(y, frame_length=2048, hop_length=512)}
        C = np.abs(librosa.cqt(y, sr=sr, hop_length=512, bins_per_octave=12, n_bins=84, tuning=None))
        f["chroma_cqt"] = librosa.feature.chroma_cqt(C=C, n_chroma=12, n_octaves=7)
        f["chroma_cens"] = librosa.feature.chroma_cens(C=C, n_chroma=12, n_octaves=7)
        f["tonnetz"] = librosa.feature.tonnetz(chroma=f["chroma_cens"])
        S = np.abs(librosa.stft(y, n_fft=2048, hop_length=512))
        tuning = librosa.estimate_tuning(S=S ** 2, sr=sr, n_fft=2048)
        f["chroma_stft"] = librosa.feature.chroma_stft(S=S ** 2, sr=sr, n_chroma=12)
        f["rmse"] = librosa.feature.rms(S=S)
        f["spectral_centroid"] = librosa.feature.spectral_centroid(S=S, sr=sr)
        f["spectral_bandwidth"] = librosa.feature.spectral_bandwidth(S=S, sr=sr)
        f["spectral_contrast"] = librosa.feature.spectral_contrast(S=S, sr=sr, n_bands=6)
        f["spectral_rolloff"] = librosa.feature.spectral_rolloff(S=S, sr=sr)
        f["mfcc"] = librosa.feature.mfcc(S=librosa.power_to_db(librosa.feature.melspectrogram(sr=sr, S=S ** 2)),
                                         n_mfcc=20)
        stats = {}
        for key, v in f.items():
            per = {"mean": np.mean(v, axis=1), "std": np.std(v, axis=1), "skew": scipy.stats.skew(v, axis=1),
                   "kurtosis": scipy.stats.kurtosis(v, axis=1), "median": np.median(v, axis=1),
                   "min": np.min(v, axis=1), "max": np.max(v, axis=1)}
            for m, values in per.items():
                for i, x in enumerate(values):
                    stats[(key, m, f"{i + 1:02d}")] = x
        folder = out / "fma" / name
        arrays = dict(f, fma_stats=np.array([stats[c] for c in cols], dtype=np.float32))
        if name in FMA_WITH_CQT:
            arrays["cqt_abs"] = C
        meta = {"input": mp3.name, "group": name.split("__")[0],
                "input_sha256": hashlib.sha256(mp3.read_bytes()).hexdigest(), "environment": environment(),
                "load": "librosa.load(path, sr=22050)", "tuning": float(tuning), "arrays": {}}
        for key, a in arrays.items():
            write_array(folder, key, a.astype(np.float32))
            meta["arrays"][key] = {"shape": list(a.shape), "min": float(a.min()), "max": float(a.max())}
        (folder / "case.json").write_text(json.dumps(meta, indent=1) + "\n")
        lines.append(f"{name}\t{len(y)}\t{S.shape[1]}\t{tuning:.6f}")
        print(name, flush=True)
    (out / "fma" / "index.tsv").write_text("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("verify", "pack", "unpack", "cases", "e2e", "fma", "all"))
    ap.add_argument("--out", type=Path, default=HERE, help="where to write (default: beside this script)")
    args = ap.parse_args()
    if args.command in ("verify", "pack", "unpack"):
        {"verify": cmd_verify, "pack": cmd_pack, "unpack": cmd_unpack}[args.command](args.out)
        return
    install_soxr_standin()
    import librosa
    if librosa.__version__ != "0.10.2.post1":
        print(f"warning: librosa {librosa.__version__}, the stored arrays come from 0.10.2.post1", file=sys.stderr)
    if args.out != HERE and args.command in ("cases", "all"):  # the inputs are fixed: copied, not made
        (args.out / "inputs").mkdir(parents=True, exist_ok=True)
        for wav in (HERE / "inputs").glob("*.wav"):
            (args.out / "inputs" / wav.name).write_bytes(wav.read_bytes())
    for part, fn in (("cases", gen_cases), ("e2e", gen_e2e), ("fma", gen_fma)):
        if args.command in (part, "all"):
            fn(args.out)
    cmd_pack(args.out)


if __name__ == "__main__":
    main()
