namespace CstmML.Training.Simulation;

/// <summary>The resource/action shape of a GuardDuty finding type.</summary>
internal enum GuardDutyShape
{
    /// <summary>An API call by an access key: resource AccessKey, action AWS_API_CALL.</summary>
    ApiCall,

    /// <summary>A DNS request from an instance: resource Instance, action DNS_REQUEST.</summary>
    Dns,

    /// <summary>Network traffic to or from an instance: resource Instance, action NETWORK_CONNECTION.</summary>
    Network,

    /// <summary>A process on an instance (Runtime Monitoring): resource Instance, runtimeDetails.</summary>
    Runtime,
}
