// What a GitHub user would write: @octokit/webhooks verifies the signature and parses the push; the handler decides
// (branch and repository read, nothing written). Usage: BENCH_SECRET=... node server.mjs PORT
import { createServer } from "node:http";
import { Webhooks, createNodeMiddleware } from "@octokit/webhooks";

const port = Number(process.argv[2] ?? 18183);
const webhooks = new Webhooks({ secret: process.env.BENCH_SECRET });
let decided = 0;
webhooks.on("push", ({ payload }) => {
  if (payload.repository.full_name === "acme/odoo-custom" && payload.ref.startsWith("refs/heads/")) decided++;
});
const middleware = createNodeMiddleware(webhooks, { path: "/api/webhooks/github/bench-project", log: { debug() {}, info() {}, warn() {}, error: console.error } });
createServer(middleware).listen(port, "127.0.0.1", () => console.log(`octokit listening on 127.0.0.1:${port}`));
