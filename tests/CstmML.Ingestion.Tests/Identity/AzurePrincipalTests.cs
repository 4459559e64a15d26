using CstmML.Core.Alerts;
using CstmML.Ingestion.Identity;

namespace CstmML.Ingestion.Tests.Identity;

public class AzurePrincipalTests
{
    [Theory]
    [InlineData("3F2B9C1E-5D4A-4E8B-A7C6-1B2D3E4F5A6B")]
    [InlineData("{3f2b9c1e-5d4a-4e8b-a7c6-1b2d3e4f5a6b}")]
    [InlineData(" 3f2b9c1e5d4a4e8ba7c61b2d3e4f5a6b ")]
    public void FromObjectId_AnyGuidSpelling_OneLowerCaseForm(string oid) =>
        Assert.Equal("azure:oid:3f2b9c1e-5d4a-4e8b-a7c6-1b2d3e4f5a6b", AzurePrincipal.FromObjectId(oid));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-guid")]
    public void FromObjectId_NotGuid_Null(string? oid) => Assert.Null(AzurePrincipal.FromObjectId(oid));

    [Theory]
    [InlineData("Dave@Contoso.com", "azure:upn:dave@contoso.com")]
    [InlineData(" dave@contoso.com ", "azure:upn:dave@contoso.com")]
    public void FromUpn_AnyCase_LowerCase(string upn, string expected) => Assert.Equal(expected, AzurePrincipal.FromUpn(upn));

    [Theory]
    [InlineData("dave")]
    [InlineData("@contoso.com")]
    [InlineData("dave@")]
    [InlineData("da ve@contoso.com")]
    public void FromUpn_NotAnAddress_Null(string upn) => Assert.Null(AzurePrincipal.FromUpn(upn));

    [Theory]
    [InlineData("Dave", "Contoso.com", "azure:upn:dave@contoso.com")]
    [InlineData("dave@contoso.com", "contoso.com", "azure:upn:dave@contoso.com")]
    public void FromNameAndSuffix_Parts_Upn(string name, string suffix, string expected) =>
        Assert.Equal(expected, AzurePrincipal.FromNameAndSuffix(name, suffix));

    [Fact]
    public void FromNameAndSuffix_MissingSuffix_Null() => Assert.Null(AzurePrincipal.FromNameAndSuffix("dave", null));

    [Fact]
    public void FromApplicationId_Guid_AppForm() =>
        Assert.Equal("azure:app:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", AzurePrincipal.FromApplicationId("0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"));

    [Fact]
    public void FromManagedIdentityResourceId_ArmId_LowerCaseWithoutTrailingSlash() =>
        Assert.Equal(
            "azure:mi:/subscriptions/7f8a1c2d-3b4e-4f5a-9b6c-0d1e2f3a4b5c/resourcegroups/rg/providers/microsoft.managedidentity/userassignedidentities/etl",
            AzurePrincipal.FromManagedIdentityResourceId("/subscriptions/7F8A1C2D-3B4E-4F5A-9B6C-0D1E2F3A4B5C/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ETL/"));

    [Theory]
    [InlineData("WEB-VM-01", "azure:entity:web-vm-01")]
    [InlineData("dave@contoso.com", "azure:upn:dave@contoso.com")]
    [InlineData("3F2B9C1E-5D4A-4E8B-A7C6-1B2D3E4F5A6B", "azure:oid:3f2b9c1e-5d4a-4e8b-a7c6-1b2d3e4f5a6b")]
    public void FromEntity_Name_StrongestFormItAllows(string name, string expected) => Assert.Equal(expected, AzurePrincipal.FromEntity(name));

    [Theory]
    [InlineData("azure:upn:dave@contoso.com", PrincipalTypes.User)]
    [InlineData("azure:app:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", PrincipalTypes.Application)]
    [InlineData("azure:mi:/subscriptions/x", PrincipalTypes.Service)]
    [InlineData("azure:oid:3f2b9c1e-5d4a-4e8b-a7c6-1b2d3e4f5a6b", PrincipalTypes.Unknown)]
    public void TypeOf_Form_PrincipalType(string principal, string expected) => Assert.Equal(expected, AzurePrincipal.TypeOf(principal));

    [Theory]
    [InlineData("/SUBSCRIPTIONS/7F8A1C2D-3B4E-4F5A-9B6C-0D1E2F3A4B5C", "7f8a1c2d-3b4e-4f5a-9b6c-0d1e2f3a4b5c")]
    [InlineData("/subscriptions/7f8a1c2d-3b4e-4f5a-9b6c-0d1e2f3a4b5c/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm", "7f8a1c2d-3b4e-4f5a-9b6c-0d1e2f3a4b5c")]
    [InlineData("/subscriptions/not-a-guid/resourceGroups/rg", null)]
    [InlineData(null, null)]
    public void SubscriptionOf_ResourceId_LowerCaseGuid(string? id, string? expected) => Assert.Equal(expected, AzurePrincipal.SubscriptionOf(id));

    [Fact]
    public void ProviderOf_ResourceId_Namespace() =>
        Assert.Equal("Microsoft.Compute", AzurePrincipal.ProviderOf("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm"));
}
