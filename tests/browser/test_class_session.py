"""A class session in a real browser: the `quizapp serve` command, Chromium, typed keys.

Two students sign in and sit a served three-question exam, and both results files hold every
answer for `quizapp stats`; a tab past `--max-sessions` gets the refusal page; wrong join codes
are refused, in the address and on the sign-in screen, and an address that keeps trying is locked
out, whatever code it then brings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.browser.harness import CLASS_BANK, ROOT, ServeProcess
from tests.browser.tabs import Browser, Tab

CODE = "QUIZ42"


def _sit_the_exam(tab: Tab, name: str) -> None:
    tab.wait_for("Sign in")
    tab.type(name)
    tab.press("Enter")
    tab.wait_for("Question 1 of 3")
    for number in (1, 2, 3):
        tab.press("1")
        mark = tab.press("Enter")
        tab.wait_for(f"Question {number + 1} of 3" if number < 3 else "press s", mark)
    tab.wait_for("3/3 answered")
    mark = tab.press("s")
    tab.wait_for("Submit the exam?", mark)
    mark = tab.press("Enter")
    tab.wait_for("Score", mark)


def test_two_students_sit_a_served_exam_and_the_class_is_analysed(
    browser: Browser, tmp_path: Path
) -> None:
    results = tmp_path / "class"
    serve = ServeProcess(
        str(CLASS_BANK), "--mode", "exam", "--code", CODE, "--max-sessions", "2",
        results=results,
    )  # fmt: skip
    with serve:
        ann, bob = browser.tab("ann"), browser.tab("bob")
        ann.open(f"{serve.url}/?code={CODE.lower()}")
        bob.open(f"{serve.url}/?code={CODE}")
        ann.wait_for("Sign in")
        ann.screenshot("sign-in")
        _sit_the_exam(ann, "Ann")
        _sit_the_exam(bob, "Bob Smith")
        ann.screenshot("results")

        third = browser.tab("third")
        response = third.open(f"{serve.url}/?code={CODE}")
        assert response.status == 503
        assert "This class session is full" in third.page.inner_text("main#full")
        third.screenshot("full")
        for tab in (ann, bob, third):
            tab.page.close()
    output = serve.stop()
    assert serve.returncode == 0, serve.stderr
    assert "Ann signed in (from 127.0.0.1)" in output
    assert "Bob Smith submitted the exam: 3/3 answered" in output
    assert "Class session ended: 2 students, 6 answers" in output
    assert f"quizapp stats {results}" in output

    files = sorted(path.name for path in results.iterdir())
    assert files == ["ann.jsonl", "bob-smith.jsonl"]
    for name in files:
        rows = [json.loads(line) for line in (results / name).read_text().splitlines()]
        assert sorted(row["question_id"] for row in rows) == ["boiling", "falling", "planets"]
        assert {row["mode"] for row in rows} == {"exam"}
    stats = subprocess.run(
        [sys.executable, "-m", "quizapp", "stats", str(results), "--json",
         "--banks", str(CLASS_BANK)],
        capture_output=True, text=True, check=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    analysis = json.loads(stats.stdout)
    assert analysis["students"] == 2 and analysis["attempts"] == 2
    assert {q["question_id"]: q["attempts"] for q in analysis["questions"]} == {
        "falling": 2, "boiling": 2, "planets": 2,
    }  # fmt: skip


def test_wrong_join_codes_are_refused_without_a_hint(browser: Browser, tmp_path: Path) -> None:
    with ServeProcess(str(CLASS_BANK), "--mode", "exam", "--code", CODE, results=tmp_path) as serve:
        tab = browser.tab("guess")
        response = tab.open(f"{serve.url}/?code=WRONG9")
        assert response.status == 403
        assert tab.page.inner_text("main#wrong-code h1") == "Not let in"
        assert CODE not in tab.page.content() and tab.page.query_selector("#terminal") is None
        tab.screenshot("wrong-code")

        tab.open(f"{serve.url}/")  # no code: the sign-in screen asks for it
        tab.wait_for("Join code")
        tab.type("ann")
        tab.press("Tab")  # to the code field (Enter would too, once the app has caught up)
        tab.type("nope99")
        mark = tab.press("Enter")
        tab.wait_for("That code is not right.", mark)
        tab.screenshot("sign-in-refused")
        tab.type(CODE)
        mark = tab.press("Enter")
        tab.wait_for("Question 1 of 3", mark)

        # The right code forgot the two wrong ones; five more lock the address out.
        statuses = [tab.open(f"{serve.url}/?code=WRONG{n}").status for n in range(5)]
        assert statuses == [403, 403, 403, 403, 429]
        response = tab.open(f"{serve.url}/?code={CODE}")
        assert response.status == 429  # locked out, right code or not
        assert "Too many wrong join codes" in tab.page.inner_text("main#locked-out")
        tab.page.close()
    assert serve.returncode == 0, serve.stderr
    assert [path.name for path in tmp_path.iterdir()] == []  # nobody answered anything
