using System.Text.Json.Serialization;

namespace OCore.Api.V1Alpha1;

[JsonConverter(typeof(JsonStringEnumConverter<AccountType>))]
public enum AccountType
{
    User,
    Organization,
}
