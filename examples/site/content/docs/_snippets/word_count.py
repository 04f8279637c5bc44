"""Counts the words of every Markdown page under content/, largest first."""
from pathlib import Path


def word_counts(content_dir: str) -> list[tuple[int, str]]:
    counts = []
    for path in Path(content_dir).rglob("*.md"):
        words = len(path.read_text(encoding="utf-8").split())
        counts.append((words, str(path)))
    return sorted(counts, reverse=True)


if __name__ == "__main__":
    for words, path in word_counts("content"):
        print(f"{words:6} {path}")
