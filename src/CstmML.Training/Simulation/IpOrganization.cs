namespace CstmML.Training.Simulation;

/// <summary>The ASN/organization GuardDuty would report for a simulated address (by its first two octets).</summary>
internal static class IpOrganization
{
    public static (string Asn, string Org, string Country) Of(string ip)
    {
        var dot = ip.IndexOf('.', ip.IndexOf('.', StringComparison.Ordinal) + 1);
        var prefix = dot > 0 ? ip[..dot] : ip;
        return prefix switch
        {
            "167.99" or "138.68" or "159.65" => ("14061", "DigitalOcean, LLC", "Germany"),
            "45.77" => ("20473", "The Constant Company, LLC", "Japan"),
            "51.75" => ("16276", "OVH SAS", "France"),
            "95.216" => ("24940", "Hetzner Online GmbH", "Finland"),
            "172.105" => ("63949", "Akamai Connected Cloud", "Singapore"),
            "185.236" or "194.87" => ("9009", "M247 Europe SRL", "Romania"),
            "198.51" or "203.0" => ("64500", "ACME Corp", "United States"),
            "73.158" or "98.210" or "24.5" => ("7922", "Comcast Cable Communications, LLC", "United States"),
            "86.12" or "92.184" => ("3320", "Deutsche Telekom AG", "Germany"),
            "20.55" or "20.102" or "4.175" or "13.105" => ("8075", "Microsoft Corporation", "United States"),
            "34.107" => ("396982", "Google LLC", "United States"),
            "3.80" or "3.85" or "18.204" or "34.200" or "44.192" or "52.70" or "54.144" or "54.210" or "35.171" => ("16509", "Amazon.com, Inc.", "United States"),
            _ => ("-1", "Unknown", "Netherlands"),
        };
    }
}
