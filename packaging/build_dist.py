"""Build the portable one-folder app (PyInstaller) and start it once in smoke mode: `make dist`.

    python packaging/build_dist.py [--skip-build] [--municipality ID]

1. builds the search index of every pack into build/prebuilt-index/ (shipped inside the app);
2. runs PyInstaller with packaging/veileder.spec into dist/veileder/;
3. starts dist/veileder/veileder --smoke (offscreen) with a fresh cache and settings folder and checks that
   it exits 0, prints its JSON line, used the shipped index and wrote nothing into dist/veileder/.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREBUILT = ROOT / "build" / "prebuilt-index"
DIST = ROOT / "dist" / "veileder"
EXECUTABLE = DIST / ("veileder.exe" if sys.platform == "win32" else "veileder")


def prebuild_index() -> None:
    sys.path.insert(0, str(ROOT))
    from handbook.core.prebuilt import build_prebuilt

    started = time.perf_counter()
    packs = build_prebuilt(ROOT / "content", PREBUILT)
    print(f"build_dist: search index for {', '.join(packs)} in {time.perf_counter() - started:.1f} s")


def pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit("build_dist: PyInstaller is missing: pip install -e '.[dist]' (or run `make dist`)")
    started = time.perf_counter()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build" / "pyinstaller"),
               str(ROOT / "packaging" / "veileder.spec")]
    env = {**os.environ, "VEILEDER_PREBUILT": str(PREBUILT)}
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    size = sum(p.stat().st_size for p in DIST.rglob("*") if p.is_file())
    print(f"build_dist: {DIST} ({size / 1e6:.0f} MB) in {time.perf_counter() - started:.0f} s")


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` with its size and modification time."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def smoke(municipality: str, user_dir: Path, app: Path = EXECUTABLE) -> dict[str, object]:
    """Start the built app in smoke mode with its own cache and settings folders; returns its JSON line."""
    env = {k: v for k, v in os.environ.items() if k not in ("VEILEDER_CONTENT", "PYTHONPATH")}
    env.update(QT_QPA_PLATFORM="offscreen", VEILEDER_CACHE_DIR=str(user_dir / "cache"),
               VEILEDER_CONFIG_DIR=str(user_dir / "config"))
    done = subprocess.run([str(app), "--smoke", "--municipality", municipality], cwd=user_dir, env=env,
                          capture_output=True, text=True, timeout=180, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode == 0 and not lines and sys.platform == "win32":
        return {"home": True, "note": "windowed app: exit code only"}  # no console, so no JSON line
    if done.returncode != 0 or not lines:
        raise SystemExit(f"build_dist: smoke run failed (exit {done.returncode})\n{done.stdout}\n{done.stderr}")
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="only run the smoke check on dist/veileder")
    parser.add_argument("--municipality", default="asker", help="the municipality the smoke run opens")
    args = parser.parse_args(argv)
    if not args.skip_build:
        prebuild_index()
        pyinstaller()
    before = snapshot(DIST)
    with tempfile.TemporaryDirectory(prefix="veileder-smoke-") as user:
        result = smoke(args.municipality, Path(user))
        seeded = sorted(p.relative_to(Path(user) / "cache" / "index").as_posix()
                        for p in (Path(user) / "cache" / "index").glob("*/*") if p.is_dir())
    if snapshot(DIST) != before:
        raise SystemExit("build_dist: the app wrote into its own folder")
    print(f"build_dist: smoke ok: {json.dumps(result, ensure_ascii=False)}")
    print(f"build_dist: index in the user's cache: {', '.join(seeded) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
