namespace CstmML.Training.Simulation;

/// <summary>Where a benign role's calls come from.</summary>
internal enum IpKind
{
    /// <summary>The company's office NAT addresses.</summary>
    Corporate,

    /// <summary>CI runners (hosted runner ranges).</summary>
    CiRunner,

    /// <summary>The identity's own EC2 / NAT gateway address inside AWS.</summary>
    AwsInstance,

    /// <summary>An AWS service calling on the role's behalf (sourceIPAddress is the service name).</summary>
    AwsService,

    /// <summary>A SaaS vendor's fixed scanner addresses.</summary>
    Vendor,

    /// <summary>Home broadband of remote staff.</summary>
    Home,
}
