// Writes a realistic GitHub push payload (about 8 KB: four commits, the repository, pusher and sender, as GitHub
// sends them) and prints the hex HMAC-SHA256 signature of it. Usage: node make-payload.mjs OUT_FILE SECRET [REF]
import { createHmac } from "node:crypto";
import { writeFileSync } from "node:fs";

const [out, secret, ref = "refs/heads/main"] = process.argv.slice(2);
const sha = (n) => createHmac("sha1", "bench").update(String(n)).digest("hex");
const user = (login, id) => ({
  name: login, email: `${login}@example.com`, login, id, node_id: `MDQ6VXNlcj${id}`,
  avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`, gravatar_id: "",
  url: `https://api.github.com/users/${login}`, html_url: `https://github.com/${login}`,
  type: "User", site_admin: false,
});
const api = "https://api.github.com/repos/acme/odoo-custom";
const commit = (i) => ({
  id: sha(i), tree_id: sha(i + 100), distinct: true,
  message: `[FIX] sale_custom: keep the delivery date when the quotation is duplicated (#${1200 + i})\n\nThe onchange reset it.`,
  timestamp: `2026-11-26T10:0${i}:00+01:00`, url: `https://github.com/acme/odoo-custom/commit/${sha(i)}`,
  author: { name: "Jane Doe", email: "jane@acme.example", username: "janedoe" },
  committer: { name: "GitHub", email: "noreply@github.com", username: "web-flow" },
  added: [`sale_custom/tests/test_duplicate_${i}.py`],
  removed: [],
  modified: ["sale_custom/models/sale_order.py", "sale_custom/views/sale_order_views.xml", "sale_custom/__manifest__.py"],
});
const commits = [1, 2, 3, 4].map(commit);
const repository = {
  id: 123456789, node_id: "R_kgDOB1234567", name: "odoo-custom", full_name: "acme/odoo-custom", private: true,
  owner: user("acme", 9001), html_url: "https://github.com/acme/odoo-custom", description: "Acme's Odoo addons",
  fork: false, url: "https://github.com/acme/odoo-custom", created_at: 1700000000, updated_at: "2026-11-26T09:00:00Z",
  pushed_at: 1764147600, git_url: "git://github.com/acme/odoo-custom.git", ssh_url: "git@github.com:acme/odoo-custom.git",
  clone_url: "https://github.com/acme/odoo-custom.git", svn_url: "https://github.com/acme/odoo-custom",
  homepage: null, size: 2048, stargazers_count: 3, watchers_count: 3, language: "Python", has_issues: true,
  has_projects: false, has_downloads: true, has_wiki: false, has_pages: false, has_discussions: false,
  forks_count: 0, mirror_url: null, archived: false, disabled: false, open_issues_count: 4, license: null,
  allow_forking: false, is_template: false, web_commit_signoff_required: false, topics: ["odoo", "erp"],
  visibility: "private", forks: 0, open_issues: 4, watchers: 3, default_branch: "main", stargazers: 3,
  master_branch: "main", organization: "acme",
};
for (const name of ["forks", "keys", "collaborators", "teams", "hooks", "issue_events", "events", "assignees",
  "branches", "tags", "blobs", "git_tags", "git_refs", "trees", "statuses", "languages", "stargazers",
  "contributors", "subscribers", "subscription", "commits", "git_commits", "comments", "issue_comment",
  "contents", "compare", "merges", "archive", "downloads", "issues", "pulls", "milestones", "notifications",
  "labels", "releases", "deployments"]) {
  repository[`${name}_url`] = `${api}/${name}`;
}
const payload = {
  ref, before: sha(0), after: sha(4), repository,
  pusher: { name: "janedoe", email: "jane@acme.example" },
  organization: { login: "acme", id: 9001, node_id: "O_kgDOAAAjKQ", url: "https://api.github.com/orgs/acme",
    repos_url: "https://api.github.com/orgs/acme/repos", description: "Acme" },
  sender: user("janedoe", 4242),
  created: false, deleted: false, forced: false, base_ref: null,
  compare: `https://github.com/acme/odoo-custom/compare/${sha(0).slice(0, 12)}...${sha(4).slice(0, 12)}`,
  commits, head_commit: commits[3],
};
const body = JSON.stringify(payload);
writeFileSync(out, body);
process.stdout.write(createHmac("sha256", secret).update(body).digest("hex"));
