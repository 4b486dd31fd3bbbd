using System.Net;
using OCore.Dashboard.Tests.Support;
using OCore.Testing;
using OpenQA.Selenium;

namespace OCore.Dashboard.Tests;

/// <summary>
/// The dashboard in real Chromium against `ocore dev`: a person with the manage roles connects a repository, copies
/// the deploy key, maps feature/*, pushes, watches the Deployment succeed live and removes a GitHub App installation;
/// a view-only person sees no edit controls and is refused when posting anyway.
/// </summary>
public sealed class DashboardFlowTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string Project = "erp";

    [Fact]
    public async Task A_manager_connects_a_repository_maps_feature_branches_and_watches_a_push_deploy_live()
    {
        using var browser = Browser.Start(fixture.Sandbox.ReceiverUrl);

        // Sign in: the token goes into an HttpOnly, Secure, SameSite=Strict cookie that Chromium keeps on http://127.0.0.1.
        browser.Open("/dashboard");
        Assert.Equal("/dashboard/sign-in", browser.CurrentPath);
        browser.Screenshot("01-sign-in");
        SignIn(browser, fixture.AliceToken);
        var cookie = browser.Driver.Manage().Cookies.GetCookieNamed("ocore-dashboard");
        Assert.NotNull(cookie);
        Assert.True(cookie.Secure);
        Assert.True(cookie.IsHttpOnly);
        Assert.Equal("Strict", cookie.SameSite);
        Assert.DoesNotContain(fixture.AliceToken, cookie.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("ocore-dashboard=", (string)browser.Script("return document.cookie;")!, StringComparison.Ordinal);
        Assert.Equal("system:serviceaccount:acme:alice", browser.Find("#user").Text);

        // Organizations: alice may not list namespaces, so she names hers.
        browser.Find("#namespace");
        browser.Screenshot("02-organizations");
        browser.Fill("#namespace", DashboardFixture.Namespace);
        browser.Click("#open-organization");
        browser.WaitForPath("/dashboard/orgs/acme");

        // Connect a repository (a self-hosted server: provider and known hosts given).
        browser.Fill("#project", Project);
        browser.Fill("#url", fixture.RepositoryUrl.ToString());
        browser.Click("#provider option[value='github']");
        browser.Click("#connect-form details summary");
        browser.Fill("#known-hosts", fixture.Sshd.KnownHosts.Trim());
        browser.Screenshot("03-projects-connect");
        browser.Click("#connect");
        browser.WaitForText("#notice", t => t.Contains("Repository connected", StringComparison.Ordinal));
        var publicKey = browser.Find("#public-key").Text.Trim();
        Assert.StartsWith("ssh-ed25519 ", publicKey, StringComparison.Ordinal);
        var webhookUrl = browser.Find("#webhook-url").Text.Trim();
        Assert.Contains("/api/webhooks/github/", webhookUrl, StringComparison.Ordinal);
        Assert.Contains("Push to branch does not trigger deployment", browser.BodyText, StringComparison.Ordinal); // no mapping yet
        Assert.False(browser.Has("#webhook-secret")); // hidden until asked for
        browser.Screenshot("04-repository");

        // Copy the key: the button writes it to the clipboard; the person adds it to the repository (here: sshd).
        browser.Click("#copy-key");
        browser.WaitForText("#copy-key", t => t == "Copied");
        var copied = (string)browser.AsyncScript("const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('failed: ' + e));")!;
        Assert.Equal(publicKey, copied.Trim());
        fixture.Sshd.AuthorizeKey(copied);

        // Reveal the webhook secret (a POST; alice may read Secrets).
        browser.Click("#reveal-secret");
        var secret = browser.Find("#webhook-secret").Text.Trim();
        Assert.Equal(64, secret.Length);
        browser.Screenshot("05-repository-secret-revealed");

        // Add feature/*: one development environment per branch, copied from production.
        browser.Open($"/dashboard/orgs/acme/projects/{Project}/branch-mappings");
        browser.Fill("#branch", "feature/*");
        browser.Click("#per-branch");
        browser.Click("#environment option[value='erp-production']");
        browser.Click("#add");
        browser.WaitForText("#notice", t => t.Contains("saved", StringComparison.Ordinal));
        Assert.True(browser.Has("tr[data-branch='feature/*']"));
        browser.Screenshot("06-branch-mappings");

        // A signed push of feature/login, as GitHub sends it.
        var commit = fixture.PushCommit("feature/login");
        var answer = await Eventually.Until(async () => (await fixture.SendSignedPushAsync(webhookUrl, Project, "feature/login", commit)).StatusCode,
            code => code == HttpStatusCode.Accepted, "the receiver queues the push");
        Assert.Equal(HttpStatusCode.Accepted, answer);
        var deployment = await Eventually.Until(async () => (await fixture.ListAsync("deployments")).FirstOrDefault(d => d["spec"]!["commit"]!.GetValue<string>() == commit),
            d => d is not null, "the receiver creates the Deployment");
        var name = deployment!["metadata"]!["name"]!.GetValue<string>();

        // Its page updates live over server-sent events: no reload (the marker survives) until Succeeded.
        browser.Open($"/dashboard/orgs/acme/deployments/{name}");
        Assert.NotEqual("Succeeded", browser.TextOf("#phase"));
        Assert.NotNull(browser.Find("#live").GetAttribute("data-live"));
        browser.Script("window.ocoreMarker = 'same page';");
        browser.WaitForText("#phase", t => t == "Succeeded", TimeSpan.FromSeconds(60));
        Assert.Equal("same page", browser.Script("return window.ocoreMarker;"));
        Assert.Equal(4, browser.Driver.FindElements(By.CssSelector("#steps li.succeeded")).Count);
        browser.Screenshot("07-deployment-succeeded");

        browser.Open($"/dashboard/orgs/acme/projects/{Project}/deployments");
        Assert.Contains(name, browser.Find("#deployments").Text, StringComparison.Ordinal);
        browser.Screenshot("08-deployments");
        browser.Open($"/dashboard/orgs/acme/projects/{Project}/environments");
        browser.WaitForText("#environments", t => t.Contains("branch feature/login", StringComparison.Ordinal));
        browser.Screenshot("09-environments");

        // Organization Settings › GitHub App: a signed install link, and Remove (soft delete) with confirmation.
        browser.Open("/dashboard/orgs/acme/settings/github-app");
        var install = browser.Find("#install");
        Assert.Equal("Install on Another Account", install.Text);
        Assert.StartsWith($"https://github.com/apps/{DashboardFixture.AppSlug}/installations/new?state=v1.", install.GetAttribute("href"), StringComparison.Ordinal);
        browser.Screenshot("10-github-app");
        browser.Click($"#remove-{DashboardFixture.InstallationId} summary");
        browser.Click($"#remove-{DashboardFixture.InstallationId} button");
        browser.WaitForText("#notice", t => t.Contains("Installation removed", StringComparison.Ordinal));
        Assert.Contains("unlinked", browser.Find($"tr[data-installation='{DashboardFixture.InstallationId}']").Text, StringComparison.Ordinal);
        var unlinked = await fixture.ReadAsync("githubinstallations", "acme-corp");
        Assert.True(unlinked["spec"]!["unlinked"]!.GetValue<bool>());

        // On a phone (emulated: 390 px wide, mobile viewport) the page still reads without horizontal scrolling.
        browser.Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = 390, ["height"] = 844, ["deviceScaleFactor"] = 1, ["mobile"] = true,
        });
        browser.Open($"/dashboard/orgs/acme/projects/{Project}");
        Assert.True((bool)browser.Script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;")!, "the repository page fits a phone's width");
        browser.Screenshot("11-repository-phone");
        browser.Driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", []);

        // Sign out: the cookie is gone and pages ask to sign in again.
        browser.Click("header form button");
        browser.WaitForText("#notice", t => t.Contains("Signed out", StringComparison.Ordinal));
        Assert.Null(browser.Driver.Manage().Cookies.GetCookieNamed("ocore-dashboard"));
    }

    [Fact]
    public void A_view_only_person_sees_no_edit_controls_and_is_refused_when_posting_anyway()
    {
        using var browser = Browser.Start(fixture.Sandbox.ReceiverUrl);
        browser.Open("/dashboard/sign-in");
        SignIn(browser, fixture.VictorToken);

        browser.Open("/dashboard/orgs/acme");
        browser.Find("#projects");
        Assert.False(browser.Has("#connect-form"));
        browser.Open("/dashboard/orgs/acme/projects/shop");
        browser.Find("#repository-url");
        foreach (var control in new[] { "#regenerate-key", "#reconfigure-webhook", "#connect-form", "#reveal-secret" })
            Assert.False(browser.Has(control), $"a view-only person sees {control}");
        Assert.True(browser.Has("#secret-hidden"));
        browser.Screenshot("12-view-only-repository");
        browser.Open("/dashboard/orgs/acme/projects/shop/branch-mappings");
        browser.Find("h1");
        Assert.False(browser.Has("#add-mapping"));
        Assert.False(browser.Has("form[action$='/preset']"));

        // Posting anyway, with a valid antiforgery token of victor's own session: Kubernetes RBAC refuses, the page names the role.
        var refused = (IReadOnlyDictionary<string, object>)browser.AsyncScript("""
            const done = arguments[arguments.length - 1];
            const form = new FormData();
            const token = document.querySelector("header form input[type=hidden]");
            form.append(token.name, token.value);
            fetch("/dashboard/orgs/acme/projects/shop/reconfigure-webhook", { method: "POST", body: form })
              .then(async r => done({ status: r.status, text: await r.text() }), e => done({ status: 0, text: String(e) }));
            """)!;
        Assert.Equal(403L, refused["status"]);
        Assert.Contains("ocore-manage-projects", (string)refused["text"], StringComparison.Ordinal);

        // Without the token the same post is refused before anything is done.
        var forged = (IReadOnlyDictionary<string, object>)browser.AsyncScript("""
            const done = arguments[arguments.length - 1];
            fetch("/dashboard/orgs/acme/projects/shop/reconfigure-webhook", { method: "POST", body: new FormData() }).then(r => done({ status: r.status }));
            """)!;
        Assert.Equal(400L, forged["status"]);

        // Organization settings need manage:org_settings: the page says which role.
        browser.Open("/dashboard/orgs/acme/settings/github-app");
        Assert.Equal("ocore-manage-org-settings", browser.Find("#role").Text);
        browser.Screenshot("13-view-only-refused");
    }

    [Fact]
    public async Task Ocore_dashboard_serves_the_dashboard_locally_with_the_kubeconfigs_credentials_through_a_one_time_link()
    {
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => OCore.Cli.OCoreCli.RunAsync(["dashboard", "--kubeconfig", fixture.KubeconfigPath, "--no-browser"], output, output, stop.Token));
        try
        {
            await Eventually.Until(() => output.ToString().Contains("Open: ", StringComparison.Ordinal) || run.IsCompleted, "ocore dashboard prints its link", TimeSpan.FromSeconds(30));
            Assert.False(run.IsCompleted, output.ToString());
            var link = new Uri(output.ToString().Split('\n').Single(l => l.StartsWith("Open: ", StringComparison.Ordinal))[6..].Trim());
            Assert.Equal("127.0.0.1", link.Host);

            using var browser = Browser.Start(new Uri(link.GetLeftPart(UriPartial.Authority)));
            browser.Open("/dashboard/orgs");
            Assert.Equal("/dashboard/sign-in", browser.CurrentPath); // no session without the link
            browser.Driver.Navigate().GoToUrl(link);
            Assert.Equal("/dashboard/orgs", browser.CurrentPath);
            Assert.Contains(DashboardFixture.Namespace, browser.Find("#organizations").Text, StringComparison.Ordinal); // the admin kubeconfig lists namespaces
            browser.Screenshot("14-ocore-dashboard");

            // The link worked once: another browser cannot use it again.
            using var other = Browser.Start(new Uri(link.GetLeftPart(UriPartial.Authority)));
            other.Driver.Navigate().GoToUrl(link);
            Assert.Contains("not valid", other.Find("#sign-in-error").Text, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private static void SignIn(Browser browser, string token)
    {
        browser.Fill("#token", token);
        browser.Click("#sign-in");
        browser.WaitForText("#user", t => t.Length > 0);
    }
}
