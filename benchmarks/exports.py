"""Reading a large CMS export: records per second and peak memory.

    python benchmarks/exports.py --megabytes 200 [--kind wxr|jsonl|csv|all]

Writes a generated export of about N MB (posts of about 3 KB of HTML, with their titles,
authors and dates) into a temporary directory, then reads it in a fresh process with
``healthlint.files.exports.iter_records`` and prints the records read per second, MB per
second and that process's peak RSS, next to the RSS of a process that only imports the
reader: what reading adds is what stays flat whatever the export's size.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_PARAGRAPH = (
    "<p>Walking for thirty minutes a day lowered blood pressure in a small trial, "
    "its authors wrote, though the effect faded after a year &amp; needs checking.</p>\n"
)
_BODY = "<!-- wp:paragraph -->\n" + _PARAGRAPH * 18 + "<!-- /wp:paragraph -->"

_READ = """
import resource, sys, time
from healthlint.files.exports import ExportSpec, iter_records
path, kind = sys.argv[1], sys.argv[2]
start = time.perf_counter()
count = errors = 0
if kind != "none":
    for item in iter_records(path, ExportSpec(kind)):
        count += 1
        errors += not hasattr(item, "text")
seconds = time.perf_counter() - start
print(count, errors, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def write_wxr(path: Path, size: int) -> int:
    posts = 0
    with path.open("w", encoding="utf-8") as file:
        file.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"'
            ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<wp:author><wp:author_login>ada</wp:author_login>"
            "<wp:author_display_name>Ada Quill</wp:author_display_name></wp:author>\n"
        )
        while file.tell() < size:
            posts += 1
            file.write(
                f"<item><title>Post {posts}</title>"
                f"<link>https://clinic.example/{posts}/</link>\n"
                "<dc:creator><![CDATA[ada]]></dc:creator>\n"
                f"<content:encoded><![CDATA[{_BODY}]]></content:encoded>\n"
                f"<wp:post_id>{posts}</wp:post_id>"
                "<wp:post_date_gmt>2024-03-01 09:30:00</wp:post_date_gmt>"
                "<wp:post_modified_gmt>2024-04-02 10:00:00</wp:post_modified_gmt>"
                "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n"
            )
        file.write("</channel>\n</rss>\n")
    return posts


def write_jsonl(path: Path, size: int) -> int:
    posts = 0
    with path.open("w", encoding="utf-8") as file:
        while file.tell() < size:
            posts += 1
            record = {"id": f"https://clinic.example/{posts}/", "title": f"Post {posts}"}
            record.update(text=_BODY, author="Ada Quill", published="2024-03-01")
            file.write(json.dumps(record) + "\n")
    return posts


def write_csv(path: Path, size: int) -> int:
    posts = 0
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "title", "text", "author", "published"])
        while file.tell() < size:
            posts += 1
            url = f"https://clinic.example/{posts}/"
            writer.writerow([url, f"Post {posts}", _BODY, "Ada Quill", "2024-03-01"])
    return posts


WRITERS = {"wxr": write_wxr, "jsonl": write_jsonl, "csv": write_csv}
SUFFIXES = {"wxr": ".xml", "jsonl": ".jsonl", "csv": ".csv"}


def read(path: Path, kind: str) -> tuple[int, int, float, float]:
    """Records and errors read in a fresh process, its seconds, its peak RSS in MB (Linux
    reports KiB)."""
    done = subprocess.run(
        [sys.executable, "-c", _READ, str(path), kind],
        capture_output=True,
        text=True,
        check=True,
    )
    count, errors, seconds, peak = done.stdout.split()
    return int(count), int(errors), float(seconds), int(peak) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--kind", choices=[*WRITERS, "all"], default="all")
    args = parser.parse_args()
    kinds = list(WRITERS) if args.kind == "all" else [args.kind]
    *_, baseline = read(Path(__file__), "none")
    print(f"Python with healthlint.files.exports imported: {baseline:.0f} MB peak RSS")
    with tempfile.TemporaryDirectory(prefix="healthlint-exports-") as folder:
        for kind in kinds:
            path = Path(folder) / f"export{SUFFIXES[kind]}"
            posts = WRITERS[kind](path, args.megabytes * 1024 * 1024)
            size = path.stat().st_size / (1024 * 1024)
            count, errors, seconds, peak = read(path, kind)
            assert count == posts and errors == 0, (count, errors)
            print(
                f"{kind:5}  {size:6.0f} MB  {posts:7} posts  {seconds:6.1f} s  "
                f"{posts / seconds:8.0f} records/s  {size / seconds:5.1f} MB/s  "
                f"peak RSS {peak:.0f} MB"
            )
            path.unlink()


if __name__ == "__main__":
    main()
