using OCore.Git.Modules;

namespace OCore.Git.Tests.Modules;

public sealed class ManifestVersionTests
{
    [Theory]
    [InlineData("{'name': 'Sale', 'version': '17.0.1.0.0'}", "17.0.1.0.0")]
    [InlineData("{\"name\": \"Sale\", \"version\": \"17.0.1.0.0\",}", "17.0.1.0.0")]
    [InlineData("# -*- coding: utf-8 -*-\n# 'version': '1.0' in a comment\n{\n    'name': 'Sale',  # 'version': '2.0'\n    'version': '17.0.2.0.0',  # bumped\n}\n", "17.0.2.0.0")]
    [InlineData("{\n    'summary': \"\"\"Mentions 'version': '9.9' in a docstring\"\"\",\n    'version': u'16.0.1.1',\n}", "16.0.1.1")]
    [InlineData("{'external_dependencies': {'python': [], 'version': '0.1'}, 'version': '3.0',}", "3.0")]
    [InlineData("{'depends': ['base', 'sale'], 'data': ['views/a.xml',], 'version' : '15.0.1.0.0' , 'installable': True}", "15.0.1.0.0")]
    [InlineData("{'version': '17.0.' '1.0.0'}", "17.0.1.0.0")]
    [InlineData("{'name': 'Sale'}", null)]
    [InlineData("{'name': 'version', 'summary': 'version'}", null)]
    [InlineData("{'version': VERSION}", null)]
    [InlineData("", null)]
    public void Reads_the_top_level_version(string manifest, string? version)
    {
        Assert.Equal(version, ManifestVersion.Parse(manifest));
    }
}
