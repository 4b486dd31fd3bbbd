using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OCore.Api.GitHubApp;
using OCore.Api.Secrets;
using OCore.Cli.Tests.Support;
using OCore.Management;

namespace OCore.Cli.Tests;

/// <summary>
/// The spec's REST API on `ocore dev`'s public service, called as people with and without each permission. Every call
/// is made to Kubernetes with the caller's own token, so what RBAC allows is what the API allows.
/// </summary>
public sealed class RestApiTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    private const string SecretReader = "test-secret-reader";
    private const string ProjectYaml = """
        apiVersion: ocore.io/v1alpha1
        kind: Environment
        metadata: {name: production}
        spec:
          projectRef: {name: shop}
          stage: production
          image: {repository: registry.acme.example/odoo/shop}
          odoo: {database: {secretRef: {name: shop-db}}}
        ---
        apiVersion: ocore.io/v1alpha1
        kind: Environment
        metadata: {name: staging}
        spec:
          projectRef: {name: shop}
          stage: staging
          image: {repository: registry.acme.example/odoo/shop}
          odoo: {database: {secretRef: {name: shop-staging-db}}}
        """;

    private readonly HttpClient _http = new() { BaseAddress = fixture.Sandbox.ReceiverUrl };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Connecting_a_repository_creates_the_project_and_answers_its_deploy_key_and_webhook()
    {
        var org = await fixture.CreateNamespaceAsync();
        var manager = await fixture.PersonAsync(org, "maria", Roles.ManageProjects);

        var (status, created) = await SendAsync(HttpMethod.Post, $"/api/projects/{org}.shop/repository", manager,
            """{"repositoryUrl": "git@github.com:acme/odoo-custom.git", "branch": "main", "provider": "github"}""");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("connected", created["state"]!.GetValue<string>());
        var projectId = created["projectId"]!.GetValue<string>();
        Assert.StartsWith("ssh-ed25519 ", created["deployKey"]!["publicKey"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"{fixture.Sandbox.ReceiverUrl.ToString().TrimEnd('/')}/api/webhooks/github/{projectId}", created["webhook"]!["url"]!.GetValue<string>());
        Assert.Null(created["webhook"]!["secret"]); // managers may not read Secrets: the answer says where it is instead
        Assert.Equal("shop-webhook", created["webhook"]!["secretName"]!.GetValue<string>());

        // The API wrote the custom resource, so kubectl and GitOps see the same thing.
        var project = await fixture.ReadAsync(org, "projects", "shop");
        Assert.Equal("git@github.com:acme/odoo-custom.git", project["spec"]!["repository"]!["url"]!.GetValue<string>());

        // The Project's id from its webhook URL names it too; connecting again updates it.
        var (readStatus, read) = await SendAsync(HttpMethod.Get, $"/api/projects/{projectId}/repository", manager);
        Assert.Equal(HttpStatusCode.OK, readStatus);
        Assert.Equal(created["deployKey"]!["publicKey"]!.GetValue<string>(), read["deployKey"]!["publicKey"]!.GetValue<string>());
        var (updateStatus, updated) = await SendAsync(HttpMethod.Post, $"/api/projects/{projectId}/repository", manager,
            """{"repositoryUrl": "git@github.com:acme/odoo-custom.git", "branch": "develop"}""");
        Assert.Equal(HttpStatusCode.OK, updateStatus);
        Assert.Equal("develop", updated["branch"]!.GetValue<string>());
        Assert.Equal("github", updated["provider"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_self_hosted_servers_host_keys_are_pinned_with_known_hosts()
    {
        var org = await fixture.CreateNamespaceAsync();
        var manager = await fixture.PersonAsync(org, "maria", Roles.ManageProjects);
        const string line = "[git.acme.example]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

        var (status, _) = await SendAsync(HttpMethod.Post, $"/api/projects/{org}.shop/repository", manager,
            $$"""{"repositoryUrl": "ssh://git@git.acme.example:2222/acme/shop.git", "provider": "gitlab", "knownHosts": "{{line}}"}""");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(line, (await fixture.ReadAsync(org, "projects", "shop"))["spec"]!["repository"]!["knownHosts"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reconfigure_webhook_and_regenerate_key_answer_the_new_secret_and_key()
    {
        var org = await fixture.CreateNamespaceAsync();
        await SecretReaderRoleAsync();
        var owner = await fixture.PersonAsync(org, "olga", Roles.ManageProjects, SecretReader);
        var (_, connected) = await SendAsync(HttpMethod.Post, $"/api/projects/{org}.shop/repository", owner,
            """{"repositoryUrl": "git@gitlab.com:acme/shop.git"}""");
        var oldSecret = connected["webhook"]!["secret"]!.GetValue<string>();
        Assert.Equal(oldSecret, await WebhookSecretAsync(org));

        var (webhookStatus, reconfigured) = await SendAsync(HttpMethod.Post, $"/api/projects/{org}.shop/repository/reconfigure-webhook", owner);
        Assert.Equal(HttpStatusCode.OK, webhookStatus);
        var newSecret = reconfigured["webhook"]!["secret"]!.GetValue<string>();
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal(newSecret, await WebhookSecretAsync(org));

        var (keyStatus, regenerated) = await SendAsync(HttpMethod.Post, $"/api/projects/{org}.shop/repository/regenerate-key", owner);
        Assert.Equal(HttpStatusCode.OK, keyStatus);
        Assert.NotEqual(connected["deployKey"]!["publicKey"]!.GetValue<string>(), regenerated["deployKey"]!["publicKey"]!.GetValue<string>());
        var project = await fixture.ReadAsync(org, "projects", "shop");
        Assert.Equal(regenerated["deployKey"]!["publicKey"]!.GetValue<string>(), project["status"]!["deployKey"]!["publicKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Branch_mappings_are_created_updated_and_listed()
    {
        var org = await fixture.CreateNamespaceAsync();
        var manager = await fixture.PersonAsync(org, "maria", Roles.ManageProjects);
        await SendAsync(HttpMethod.Post, $"/api/projects/{org}.shop/repository", manager, """{"repositoryUrl": "git@github.com:acme/shop.git"}""");
        await fixture.CreateAsync(ProjectYaml, org);

        var (created, main) = await SendAsync(HttpMethod.Put, $"/api/projects/{org}.shop/branch-mappings", manager, """{"branch": "main", "environmentId": "production"}""");
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("production", main["environmentId"]!.GetValue<string>());
        var (updated, _) = await SendAsync(HttpMethod.Put, $"/api/projects/{org}.shop/branch-mappings", manager, """{"branch": "main", "environmentId": "staging"}""");
        Assert.Equal(HttpStatusCode.OK, updated);
        var (feature, _) = await SendAsync(HttpMethod.Put, $"/api/projects/{org}.shop/branch-mappings", manager, """
            {"branch": "feature/*", "environmentTemplate": {"stage": "development", "image": {"repository": "registry.acme.example/odoo/shop"},
             "odoo": {"database": {"secretRef": {"name": "shop-dev-db"}}}}}
            """);
        Assert.Equal(HttpStatusCode.Created, feature);

        var (listed, list) = await SendAsync(HttpMethod.Get, $"/api/projects/{org}.shop/branch-mappings", manager);
        Assert.Equal(HttpStatusCode.OK, listed);
        var mappings = list["branchMappings"]!.AsArray();
        Assert.Equal(["feature/*", "main"], mappings.Select(m => m!["branch"]!.GetValue<string>()));
        Assert.True(mappings[0]!["perBranchEnvironments"]!.GetValue<bool>());
        Assert.Equal("staging", mappings[1]!["environmentId"]!.GetValue<string>());
        var resource = await fixture.ReadAsync(org, "branchmappings", mappings[1]!["id"]!.GetValue<string>());
        Assert.Equal("staging", resource["spec"]!["environmentRef"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("repository", """{"branch": "main"}""", "repositoryUrl")]
    [InlineData("repository", """{"repositoryUrl": "not a repository"}""", "repositoryUrl")]
    [InlineData("repository", """{"repositoryUrl": "git@github.com:acme/shop.git", "provider": "svn"}""", "provider")]
    [InlineData("repository", """{"repositoryUrl": "git@github.com:acme/shop.git", "branch": "bad..branch"}""", "branch")]
    [InlineData("branch-mappings", """{"branch": "main"}""", "environmentId")]
    [InlineData("branch-mappings", """{"branch": "main", "environmentId": "nowhere"}""", "environmentId")]
    [InlineData("branch-mappings", """{"environmentId": "production"}""", "branch")]
    [InlineData("branch-mappings", """{"branch": "feature/**/x[", "environmentId": "production"}""", "spec.branch")]
    public async Task A_bad_request_gets_422_naming_the_field(string call, string body, string field)
    {
        var org = await fixture.CreateNamespaceAsync();
        var manager = await fixture.PersonAsync(org, "maria", Roles.ManageProjects);
        await fixture.CreateAsync(ProjectYaml, org);
        if (call == "branch-mappings")
            await SendAsync(HttpMethod.Post, $"/api/projects/{org}.shop/repository", manager, """{"repositoryUrl": "git@github.com:acme/shop.git"}""");

        var method = call == "repository" ? HttpMethod.Post : HttpMethod.Put;
        var (status, problem) = await SendAsync(method, $"/api/projects/{org}.shop/{call}", manager, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(field, problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.False(string.IsNullOrEmpty(problem["detail"]?.GetValue<string>()));
    }

    [Theory]
    [InlineData("application/json", "{\"repositoryUrl\": ", HttpStatusCode.BadRequest, "not the JSON object expected")]
    [InlineData("application/json", "[1, 2]", HttpStatusCode.BadRequest, "not the JSON object expected")]
    [InlineData("text/plain", "repositoryUrl=git@github.com:acme/shop.git", HttpStatusCode.UnsupportedMediaType, "Content-Type: application/json")]
    public async Task A_body_that_is_not_json_gets_an_answer_saying_so(string contentType, string body, HttpStatusCode expected, string detail)
    {
        var org = await fixture.CreateNamespaceAsync();
        var manager = await fixture.PersonAsync(org, "maria", Roles.ManageProjects);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/projects/{org}.shop/repository", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", manager);

        using var response = await _http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(detail, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await fixture.Cluster.ListNamesAsync(org, "projects"));
    }

    [Fact]
    public async Task An_environment_template_that_is_not_an_environment_spec_is_422()
    {
        var org = await fixture.CreateNamespaceAsync();
        var manager = await fixture.PersonAsync(org, "maria", Roles.ManageProjects);
        await SendAsync(HttpMethod.Post, $"/api/projects/{org}.shop/repository", manager, """{"repositoryUrl": "git@github.com:acme/shop.git"}""");

        var (status, problem) = await SendAsync(HttpMethod.Put, $"/api/projects/{org}.shop/branch-mappings", manager,
            """{"branch": "feature/*", "environmentTemplate": {"stage": 5}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        // Kubernetes validates the template against the CRD schema and names the field.
        Assert.Contains("spec.environmentTemplate.stage", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Permissions_decide_what_each_person_may_do()
    {
        var org = await fixture.CreateNamespaceAsync();
        var manager = await fixture.PersonAsync(org, "maria", Roles.ManageProjects);
        var viewer = await fixture.PersonAsync(org, "victor", Roles.ViewProjects);
        var stranger = await fixture.PersonAsync(org, "sam");
        await SendAsync(HttpMethod.Post, $"/api/projects/{org}.shop/repository", manager, """{"repositoryUrl": "git@github.com:acme/shop.git"}""");
        await fixture.CreateAsync(ProjectYaml, org);

        // view:projects reads, and is refused every change naming the role that would allow it.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, $"/api/projects/{org}.shop/repository", viewer)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, $"/api/projects/{org}.shop/branch-mappings", viewer)).Status);
        await AssertForbiddenAsync(HttpMethod.Post, $"/api/projects/{org}.shop/repository", viewer, Roles.ManageProjects,
            """{"repositoryUrl": "git@github.com:evil/shop.git"}""");
        await AssertForbiddenAsync(HttpMethod.Post, $"/api/projects/{org}.shop/repository/reconfigure-webhook", viewer, Roles.ManageProjects);
        await AssertForbiddenAsync(HttpMethod.Post, $"/api/projects/{org}.shop/repository/regenerate-key", viewer, Roles.ManageProjects);
        await AssertForbiddenAsync(HttpMethod.Put, $"/api/projects/{org}.shop/branch-mappings", viewer, Roles.ManageProjects,
            """{"branch": "main", "environmentId": "production"}""");
        Assert.Equal("git@github.com:acme/shop.git", (await fixture.ReadAsync(org, "projects", "shop"))["spec"]!["repository"]!["url"]!.GetValue<string>());

        // Someone without a role sees nothing; project managers do not manage org settings.
        await AssertForbiddenAsync(HttpMethod.Get, $"/api/projects/{org}.shop/repository", stranger, Roles.ViewProjects);
        await AssertForbiddenAsync(HttpMethod.Get, $"/api/settings/github-app/installations?organization={org}", manager, Roles.ManageOrgSettings);
        await AssertForbiddenAsync(HttpMethod.Get, $"/api/settings/github-app?organization={org}", manager, Roles.ManageOrgSettings);
        await AssertForbiddenAsync(HttpMethod.Delete, $"/api/settings/github-app/installations/42?organization={org}", manager, Roles.ManageOrgSettings);

        // No token, or one Kubernetes does not know: 401.
        var (anonymous, _) = await SendAsync(HttpMethod.Get, $"/api/projects/{org}.shop/repository", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        var (forged, forgedProblem) = await SendAsync(HttpMethod.Get, $"/api/projects/{org}.shop/repository", "not-a-token-of-this-cluster");
        Assert.Equal(HttpStatusCode.Unauthorized, forged);
        Assert.Contains("rejected the bearer token", forgedProblem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz")] // a well-formed project id nobody has
    [InlineData("Not_An_Id")]
    public async Task An_unknown_project_is_404(string projectId)
    {
        var org = await fixture.CreateNamespaceAsync();
        var manager = await fixture.PersonAsync(org, "maria", Roles.ManageProjects);

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/api/projects/{projectId}/repository", manager)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, $"/api/projects/{projectId}/repository/regenerate-key", manager)).Status);
        var (missing, problem) = await SendAsync(HttpMethod.Get, $"/api/projects/{org}.missing/repository", manager);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains("Project missing not found", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitHub_app_settings_give_a_signed_install_link_and_installations_are_soft_deleted()
    {
        var org = await fixture.CreateNamespaceAsync();
        var admin = await fixture.PersonAsync(org, "ada", Roles.ManageOrgSettings);
        const string appWebhookSecret = "app-webhook-secret-for-tests";
        await fixture.CreateGitHubAppSecretAsync(appWebhookSecret, slug: "ocore-test");
        await fixture.CreateAsync("""
            apiVersion: ocore.io/v1alpha1
            kind: GitHubInstallation
            metadata: {name: gh-12345678}
            spec: {installationId: 12345678}
            ---
            apiVersion: ocore.io/v1alpha1
            kind: GitHubInstallation
            metadata: {name: gh-87654321}
            spec: {installationId: 87654321}
            """, org);

        var (settingsStatus, settings) = await SendAsync(HttpMethod.Get, $"/api/settings/github-app?organization={org}", admin);
        Assert.Equal(HttpStatusCode.OK, settingsStatus);
        Assert.True(settings["configured"]!.GetValue<bool>());
        Assert.Equal("4242", settings["app_id"]!.GetValue<string>());
        var installUrl = new Uri(settings["install_url"]!.GetValue<string>());
        Assert.Equal("https://github.com/apps/ocore-test/installations/new", installUrl.GetLeftPart(UriPartial.Path));
        var state = Uri.UnescapeDataString(installUrl.Query["?state=".Length..]);
        Assert.True(InstallState.TryRead(InstallState.KeyFromSecret(appWebhookSecret), state, DateTimeOffset.UtcNow, out var read, out var error), error);
        Assert.Equal(org, read.Namespace);
        Assert.EndsWith("/api/github-app/callback", settings["setup_url"]!.GetValue<string>(), StringComparison.Ordinal);

        var (_, listed) = await SendAsync(HttpMethod.Get, $"/api/settings/github-app/installations?organization={org}", admin);
        Assert.Equal([12345678L, 87654321L], listed["installations"]!.AsArray().Select(i => i!["installation_id"]!.GetValue<long>()).Order());

        var (removed, installation) = await SendAsync(HttpMethod.Delete, $"/api/settings/github-app/installations/87654321?organization={org}", admin);
        Assert.Equal(HttpStatusCode.OK, removed);
        Assert.Equal("unlinked", installation["state"]!.GetValue<string>());
        Assert.True((await fixture.ReadAsync(org, "githubinstallations", "gh-87654321"))["spec"]!["unlinked"]!.GetValue<bool>());
        var (_, afterwards) = await SendAsync(HttpMethod.Get, $"/api/settings/github-app/installations?organization={org}", admin);
        Assert.Equal([12345678L], afterwards["installations"]!.AsArray().Select(i => i!["installation_id"]!.GetValue<long>()));
        var (_, everything) = await SendAsync(HttpMethod.Get, $"/api/settings/github-app/installations?organization={org}&include_unlinked=true", admin);
        Assert.Equal(2, everything["installations"]!.AsArray().Count);

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Delete, $"/api/settings/github-app/installations/555?organization={org}", admin)).Status);
        var (noOrganization, problem) = await SendAsync(HttpMethod.Get, "/api/settings/github-app/installations", admin);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noOrganization);
        Assert.Contains("organization", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_spec_paths()
    {
        var document = JsonNode.Parse(await _http.GetStringAsync(new Uri("/api/openapi/v1.json", UriKind.Relative)))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/projects/{projectId}/repository", paths);
        Assert.Contains("/api/projects/{projectId}/repository/reconfigure-webhook", paths);
        Assert.Contains("/api/projects/{projectId}/repository/regenerate-key", paths);
        Assert.Contains("/api/projects/{projectId}/branch-mappings", paths);
        Assert.Contains("/api/settings/github-app", paths);
        Assert.Contains("/api/settings/github-app/installations/{installationId}", paths);
        Assert.NotNull(document["paths"]!["/api/projects/{projectId}/repository"]!["post"]!["requestBody"]!["content"]!["application/json"]);
    }

    private async Task AssertForbiddenAsync(HttpMethod method, string path, string token, string role, string? body = null)
    {
        var (status, problem) = await SendAsync(method, path, token, body);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(role, problem["role"]!.GetValue<string>());
        Assert.Contains(role, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> SendAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }

    private async Task<string> WebhookSecretAsync(string @namespace) =>
        Encoding.UTF8.GetString((await fixture.Admin.CoreV1.ReadNamespacedSecretAsync(WebhookSecretFormat.NameFor("shop"), @namespace)).Data[WebhookSecretFormat.SecretKey]);

    private Task SecretReaderRoleAsync() => SandboxFixture.IgnoreConflictAsync(() => fixture.Admin.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole
    {
        Metadata = new V1ObjectMeta { Name = SecretReader },
        Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["secrets"], Verbs = ["get"] }],
    }));
}
