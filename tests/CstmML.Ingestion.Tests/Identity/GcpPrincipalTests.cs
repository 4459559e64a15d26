using CstmML.Core.Alerts;
using CstmML.Ingestion.Identity;

namespace CstmML.Ingestion.Tests.Identity;

public class GcpPrincipalTests
{
    [Theory]
    [InlineData("Mallory@Example.com", "user:mallory@example.com")]
    [InlineData("ETL-Runner@prod-data-7.iam.gserviceaccount.com", "serviceAccount:etl-runner@prod-data-7.iam.gserviceaccount.com")]
    [InlineData("482913457001-compute@developer.gserviceaccount.com", "serviceAccount:482913457001-compute@developer.gserviceaccount.com")]
    [InlineData("service-482913457001@gcp-sa-aiplatform.iam.gserviceaccount.com", "serviceAccount:service-482913457001@gcp-sa-aiplatform.iam.gserviceaccount.com")]
    public void FromEmail_Address_MemberSyntaxLowerCase(string email, string expected) => Assert.Equal(expected, GcpPrincipal.FromEmail(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mallory")]
    [InlineData("mallory@")]
    public void FromEmail_NotAnAddress_Null(string? email) => Assert.Null(GcpPrincipal.FromEmail(email));

    [Theory]
    [InlineData("user:Mallory@Example.com", "user:mallory@example.com")]
    [InlineData("serviceAccount:ETL-Runner@prod-data-7.iam.gserviceaccount.com", "serviceAccount:etl-runner@prod-data-7.iam.gserviceaccount.com")]
    [InlineData("user:etl-runner@prod-data-7.iam.gserviceaccount.com", "serviceAccount:etl-runner@prod-data-7.iam.gserviceaccount.com")]
    [InlineData("principal://iam.googleapis.com/projects/482913457001/locations/global/workloadIdentityPools/gh/subject/repo:Org/App", "principal://iam.googleapis.com/projects/482913457001/locations/global/workloadIdentityPools/gh/subject/repo:Org/App")]
    [InlineData("Mallory@Example.com", "user:mallory@example.com")]
    [InlineData("group:SecOps@Example.com", "group:secops@example.com")]
    public void FromSubject_Subject_OneStableForm(string subject, string expected) => Assert.Equal(expected, GcpPrincipal.FromSubject(subject));

    [Theory]
    [InlineData("user:mallory@example.com", PrincipalTypes.User)]
    [InlineData("serviceAccount:a@p.iam.gserviceaccount.com", PrincipalTypes.ServiceAccount)]
    [InlineData("principal://iam.googleapis.com/x", PrincipalTypes.Federated)]
    [InlineData("group:secops@example.com", PrincipalTypes.Unknown)]
    public void TypeOf_Member_PrincipalType(string principal, string expected) => Assert.Equal(expected, GcpPrincipal.TypeOf(principal));

    [Theory]
    [InlineData("//cloudresourcemanager.googleapis.com/projects/482913457001", "482913457001")]
    [InlineData("//compute.googleapis.com/projects/prod-data-7/zones/europe-west1-b/instances/vm", "prod-data-7")]
    [InlineData("projects/482913457001/sources/1/findings/x", "482913457001")]
    [InlineData("organizations/601234567890/sources/1", null)]
    public void ProjectOf_ResourceName_Segment(string name, string? expected) => Assert.Equal(expected, GcpPrincipal.ProjectOf(name));

    [Fact]
    public void OrganizationOf_FindingName_Id() => Assert.Equal("601234567890", GcpPrincipal.OrganizationOf("organizations/601234567890/sources/1/findings/x"));
}
