// Runs named checks one after another and prints each result on its own, so one broken part of
// the theme does not hide the state of the others. A failure names the page, what was expected
// and what happened:
//   FAIL  mobile menu: opens and closes at 390x844
//         page:     http://127.0.0.1:40123/docs/guide/installation/
//         expected: button.menu-toggle on the page
//         got:      no such element
export class Report {
  constructor(origin = "") {
    this.origin = origin;
    this.passed = 0;
    this.failed = [];
  }

  // fn(check) may call check.fail(path, expected, got) any number of times, check.note(text)
  // for information that is not a failure, and may throw: an exception is a failure of the
  // check's current page (check.page, set by the check as it goes).
  async run(name, fn) {
    const started = Date.now();
    const failures = [];
    const notes = [];
    const check = {
      page: "",
      fail: (page, expected, got) => failures.push({ page, expected, got }),
      note: (text) => notes.push(text),
    };
    try {
      await fn(check);
    } catch (e) {
      failures.push({ page: check.page, expected: "no exception", got: e?.stack || String(e) });
    }
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${failures.length ? "FAIL" : "PASS"}  ${name} (${secs} s)`);
    for (const f of failures) {
      console.log(`      page:     ${this.origin}${f.page}`);
      console.log(`      expected: ${indent(f.expected)}`);
      console.log(`      got:      ${indent(f.got)}`);
    }
    for (const n of notes) console.log(`      note: ${indent(n)}`);
    if (failures.length) this.failed.push(name);
    else this.passed++;
  }

  summary() {
    const total = this.passed + this.failed.length;
    if (!this.failed.length) return total === 1 ? "1 check passed" : `${total} checks passed`;
    return `${this.failed.length} of ${total} checks failed: ${this.failed.join("; ")}`;
  }
}

function indent(text) {
  return String(text).replace(/\n/g, "\n                ");
}
