#!/usr/bin/python3
"""Runs the commands of plancheck's CI integrations as their platforms would, against the
built plancheck: the steps of action.yml (GitHub), the job of ci/plancheck.gitlab-ci.yml
(GitLab) and the hook of .pre-commit-hooks.yaml (pre-commit). Each file is read, not
restated: a change to a command line there is what runs here.

  tests/ci/integrations_test.py --plancheck build/plancheck

Needs python3-yaml and python3-jsonschema (scripts/install-deps), and xmllint
(libxml2-utils) for the JUnit report. Prints one line per check and "N passed, M failed".
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SEEDS = os.path.join(ROOT, "fixtures", "seeds")
passed = 0
failed = 0


def check(condition, what, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print("ok   " + what)
    else:
        failed += 1
        print("FAIL " + what + ("\n     " + detail.replace("\n", "\n     ") if detail else ""))


def workspace(tmp):
    """A repository checkout as CI sees it: the seeds under notices/."""
    os.makedirs(os.path.join(tmp, "repo"))
    shutil.copytree(SEEDS, os.path.join(tmp, "repo", "notices"))
    return os.path.join(tmp, "repo")


def path_with(plancheck, tmp):
    """PATH with `plancheck` on it, as on a runner where plancheck is installed."""
    bin_dir = os.path.join(tmp, "bin")
    os.makedirs(bin_dir, exist_ok=True)
    link = os.path.join(bin_dir, "plancheck")
    if not os.path.exists(link):
        os.symlink(plancheck, link)
    return bin_dir + os.pathsep + os.environ.get("PATH", "")


EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def evaluate(text, context):
    """The ${{ name }} expressions of a composite action's env, for the names it uses."""
    def one(match):
        name = match.group(1)
        if name not in context:
            raise KeyError("expression the test does not know: " + name)
        return context[name]
    return EXPRESSION.sub(one, text)


def run_action(plancheck, inputs):
    """Runs action.yml's `run` steps in order, as a runner does, with `inputs` over the
    defaults. Returns (exit status of the last step run, stdout, GITHUB_OUTPUT, workspace)."""
    action = yaml.safe_load(open(os.path.join(ROOT, "action.yml"), encoding="utf-8"))
    tmp = tempfile.mkdtemp(prefix="plancheck-action-")
    repo = workspace(tmp)
    github_env = os.path.join(tmp, "github_env")
    github_output = os.path.join(tmp, "github_output")
    open(github_env, "w").close()
    open(github_output, "w").close()
    context = {"github.action_path": ROOT, "runner.temp": tmp}
    for name, spec in action["inputs"].items():
        context["inputs." + name] = str(inputs.get(name, spec.get("default", "")))
    env = dict(os.environ, PATH=path_with(plancheck, tmp), GITHUB_ENV=github_env,
               GITHUB_OUTPUT=github_output, GITHUB_WORKSPACE=repo)
    status, out = 0, ""
    for step in action["runs"]["steps"]:
        if "run" not in step:
            continue
        step_env = dict(env)
        for key, value in step.get("env", {}).items():
            step_env[key] = evaluate(str(value), context)
        # What the runner exports through GITHUB_ENV reaches the later steps.
        for line in open(github_env, encoding="utf-8").read().splitlines():
            key, _, value = line.partition("=")
            step_env[key] = value
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                cwd=repo, env=step_env, capture_output=True, text=True)
        status, out = result.returncode, result.stdout
        if status != 0:
            break
    outputs = dict(line.partition("=")[::2] for line in
                   open(github_output, encoding="utf-8").read().splitlines() if "=" in line)
    return status, out, outputs, repo


def test_action(plancheck):
    action = yaml.safe_load(open(os.path.join(ROOT, "action.yml"), encoding="utf-8"))
    check(action["runs"]["using"] == "composite", "action.yml: a composite action")
    runs = [step["run"] for step in action["runs"]["steps"] if "run" in step]
    check(all("${{" not in run for run in runs),
          "action.yml: no expression inside run (inputs reach scripts through env only)")
    upload = [step for step in action["runs"]["steps"] if "uses" in step]
    check(len(upload) == 1 and upload[0]["uses"].startswith("github/codeql-action/upload-sarif@")
          and "sarif" in upload[0]["if"], "action.yml: SARIF is uploaded when format is sarif")

    status, out, _, _ = run_action(plancheck, {"paths": "notices", "fail-on": "warning"})
    commands = [line for line in out.splitlines() if line.startswith("::")]
    check(status == 1, "action (github, fail-on warning): fails on the seeds' warnings", "exit %d" % status)
    check(len(commands) > 0 and all(re.match(r"::(error|warning|notice) file=notices/", c) for c in commands),
          "action (github): one workflow command per finding, on notices/", out[:500])

    # With the default --fail-on error, a notice with only warnings passes (seed 002: a
    # heading style) and the seeds with errors (000's misspelt unit, 004's label) fail.
    status, out, _, _ = run_action(plancheck, {"paths": "notices/002_e9c6d1be0a07cf1f.txt"})
    check(status == 0, "action (github, fail-on error): passes on a notice with warnings only", "exit %d" % status)
    status, out, _, _ = run_action(plancheck, {"paths": "notices"})
    check(status == 1, "action (github, fail-on error): fails on the seeds' errors", "exit %d" % status)

    status, out, outputs, repo = run_action(plancheck, {"paths": "notices/000_d5b961fa901fa4dc.txt notices/002_e9c6d1be0a07cf1f.txt",
                                                        "format": "sarif", "args": "--lang en", "fail-on": "info"})
    sarif_path = os.path.join(repo, outputs.get("sarif-file", "missing"))
    check(status == 1 and outputs.get("sarif-file") == "plancheck.sarif" and os.path.exists(sarif_path),
          "action (sarif): writes plancheck.sarif and names it in its output", "exit %d, outputs %r" % (status, outputs))
    if os.path.exists(sarif_path):
        sarif = json.load(open(sarif_path, encoding="utf-8"))
        uris = {a["location"]["uri"] for a in sarif["runs"][0]["artifacts"]}
        check(uris == {"notices/000_d5b961fa901fa4dc.txt", "notices/002_e9c6d1be0a07cf1f.txt"},
              "action (sarif): both paths of `paths` linted, args passed on", repr(uris))

    status, out, _, _ = run_action(plancheck, {"format": "html"})
    check(status == 2 and "::error::format must be github or sarif" in out,
          "action: an unknown format is refused", out)


def test_gitlab(plancheck):
    template = yaml.safe_load(open(os.path.join(ROOT, "ci", "plancheck.gitlab-ci.yml"), encoding="utf-8"))
    job = template[".plancheck"]
    tmp = tempfile.mkdtemp(prefix="plancheck-gitlab-")
    repo = workspace(tmp)
    variables = {key: str(value) for key, value in job["variables"].items()}
    variables["PLANCHECK_PATHS"] = "notices/"
    variables["PLANCHECK_FAIL_ON"] = "warning"
    # GitLab runs before_script and script in one shell, stopping at the first failure.
    script = "\n".join(job["before_script"] + job["script"])
    env = dict(os.environ, PATH=path_with(plancheck, tmp), **variables)
    result = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=repo, env=env,
                            capture_output=True, text=True)
    check(result.returncode == 1, "gitlab: the job fails on the seeds' warnings (PLANCHECK_FAIL_ON: warning)",
          "exit %d: %s" % (result.returncode, result.stderr[-500:]))
    reports = job["artifacts"]["reports"]
    check(job["artifacts"]["when"] == "always", "gitlab: reports are kept when the job fails")
    quality = os.path.join(repo, reports["codequality"])
    junit = os.path.join(repo, reports["junit"])
    check(os.path.exists(quality) and os.path.exists(junit), "gitlab: both reports written")
    if os.path.exists(quality):
        schema = json.load(open(os.path.join(ROOT, "tests", "data", "codequality.schema.json"), encoding="utf-8"))
        issues = json.load(open(quality, encoding="utf-8"))
        errors = list(jsonschema.Draft7Validator(schema).iter_errors(issues))
        check(not errors and len(issues) > 0 and all(i["location"]["path"].startswith("notices/") for i in issues),
              "gitlab: the Code Quality report validates, paths relative to the repository",
              "; ".join(e.message for e in errors[:3]))
    if os.path.exists(junit) and shutil.which("xmllint"):
        result = subprocess.run(["xmllint", "--noout", "--schema",
                                 os.path.join(ROOT, "tests", "data", "junit.xsd"), junit],
                                capture_output=True, text=True)
        check(result.returncode == 0, "gitlab: the JUnit report validates", result.stderr[-500:])
    elif os.path.exists(junit):
        check(False, "gitlab: xmllint is missing (libxml2-utils: run scripts/install-deps)")

    # Without plancheck and without PLANCHECK_DEB, the job says what to do.
    env = dict(os.environ, PATH="/usr/bin:/bin", **job["variables"])
    env["PLANCHECK_DEB"] = ""
    result = subprocess.run(["bash", "-eo", "pipefail", "-c", "\n".join(job["before_script"])],
                            cwd=repo, env=env, capture_output=True, text=True)
    check(result.returncode == 1 and "set PLANCHECK_DEB" in result.stderr,
          "gitlab: without plancheck the job says how to install it", result.stderr)


def test_pre_commit(plancheck):
    hooks = yaml.safe_load(open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8"))
    check([hook["id"] for hook in hooks] == ["plancheck", "plancheck-fix"],
          "pre-commit: two hooks, plancheck and plancheck-fix")
    hook = hooks[0]
    pattern = re.compile(hook["files"])
    staged = ["notices/000_d5b961fa901fa4dc.txt", "a.DOCX", "b.doc", "c.html", "d.htm", "e.pdf",
              "f.ofd", "README.md", "rules.yaml", "x.txt.bak"]
    matched = [name for name in staged if pattern.search(name)]
    check(matched == staged[:7], "pre-commit: files matches the document formats only", repr(matched))
    tmp = tempfile.mkdtemp(prefix="plancheck-pre-commit-")
    repo = workspace(tmp)
    env = dict(os.environ, PATH=path_with(plancheck, tmp))
    # Seeds with warnings and no error (000 and 003 have errors: a misspelt unit, a unit
    # both leading and cooperating).
    files = ["notices/001_8ef760ff784be5ac.txt", "notices/002_e9c6d1be0a07cf1f.txt"]
    # pre-commit runs `entry`, then `args` (the hook's, or a user's in their config), then
    # the staged files that match.
    command = shlex.split(hook["entry"]) + hook.get("args", []) + files
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
    check(hook["language"] == "system" and result.returncode == 0 and
          all(name + ":" in result.stdout for name in files) and "\x1b[" not in result.stdout,
          "pre-commit: the hook's command lints the staged files (warnings do not fail it)",
          "exit %d: %s" % (result.returncode, result.stdout[:300] + result.stderr[:300]))
    command = shlex.split(hook["entry"]) + ["--fail-on", "warning"] + files
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
    check(result.returncode == 1, "pre-commit: with args [--fail-on, warning] warnings fail the commit",
          "exit %d" % result.returncode)

    # The fix hook changes the staged files (pre-commit then fails the commit so that the
    # fixes are reviewed), and a second run changes nothing.
    fix_hook = hooks[1]
    check(fix_hook["files"] == hook["files"] and "--fix" in shlex.split(fix_hook["entry"]),
          "pre-commit: plancheck-fix runs lint --fix on the same files")
    # Seeds with certain fixes: a misspelt unit and a full stop between lead and cooperating
    # units (000), half-width punctuation and a miswritten label (004).
    files = ["notices/000_d5b961fa901fa4dc.txt", "notices/004_2bfd8bfabc103b07.txt"]
    before = [open(os.path.join(repo, name), "rb").read() for name in files]
    command = shlex.split(fix_hook["entry"]) + files
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
    after = [open(os.path.join(repo, name), "rb").read() for name in files]
    check(result.returncode in (0, 1) and all(b != a for b, a in zip(before, after)) and
          "已修复" in result.stderr,
          "pre-commit: the fix hook's command fixes the staged files",
          "exit %d: %s" % (result.returncode, result.stderr[:300]))
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
    again = [open(os.path.join(repo, name), "rb").read() for name in files]
    check(again == after and "修复" not in result.stderr,
          "pre-commit: a second run of the fix hook changes nothing", result.stderr[:300])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plancheck", required=True)
    args = parser.parse_args()
    plancheck = os.path.abspath(args.plancheck)
    test_action(plancheck)
    test_gitlab(plancheck)
    test_pre_commit(plancheck)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
