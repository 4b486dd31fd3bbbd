using k8s;
using k8s.Models;

namespace OCore.WebhookReceiver.Dashboard;

/// <summary>
/// Asks Kubernetes whether the person may do something (a SelfSubjectAccessReview with their own credentials), to
/// decide which controls a page shows. Only a hint for the page: Kubernetes still decides each request.
/// </summary>
internal static class Access
{
    public const string OcoreGroup = "ocore.io";

    public static async Task<bool> CanAsync(IKubernetes client, string @namespace, string group, string resource, string verb, string? name,
        CancellationToken cancellationToken)
    {
        var review = new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec
            {
                ResourceAttributes = new V1ResourceAttributes
                {
                    Group = group,
                    Resource = resource,
                    Verb = verb,
                    Name = name,
                    NamespaceProperty = @namespace,
                },
            },
        };
        var answer = await client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(review, cancellationToken: cancellationToken);
        return answer.Status?.Allowed == true;
    }
}
