using CstmML.Cli.Commands;

namespace CstmML.Cli.Tests.Commands;

public class ScoreInputOrderTests
{
    private const string Root = "/data/AWSLogs/111122223333/CloudTrail";

    [Fact]
    public void Order_S3LayoutTwoRegions_InterleavedByDeliveryTime()
    {
        string[] files =
        [
            $"{Root}/us-east-1/2025/03/01/111122223333_CloudTrail_us-east-1_20250301T1210Z_b.json.gz",
            $"{Root}/us-east-1/2025/03/01/111122223333_CloudTrail_us-east-1_20250301T0005Z_a.json.gz",
            $"{Root}/eu-west-1/2025/03/01/111122223333_CloudTrail_eu-west-1_20250301T0600Z_c.json.gz",
            $"{Root}/eu-west-1/2025/02/28/111122223333_CloudTrail_eu-west-1_20250228T2355Z_d.json.gz",
        ];

        var ordered = ScoreInputOrder.Order(files);

        Assert.Equal([files[3], files[1], files[2], files[0]], ordered);
    }

    [Fact]
    public void Order_DateFoldersWithoutStamp_ByDayThenPath_UntimedLast()
    {
        string[] files = ["/x/loose.json", "/logs/b/2025/03/02/f.json", "/logs/a/2025/03/02/f.json", "/logs/z/2025/03/01/f.json"];

        var ordered = ScoreInputOrder.Order(files);

        Assert.Equal(["/logs/z/2025/03/01/f.json", "/logs/a/2025/03/02/f.json", "/logs/b/2025/03/02/f.json", "/x/loose.json"], ordered);
    }

    [Theory]
    [InlineData("111122223333_CloudTrail_us-east-1_20250301T1210Z_b.json.gz", "20250301T1210")]
    [InlineData(@"C:\logs\2025\03\01\111122223333_CloudTrail_ap-southeast-2_20250301T0000Z_x.json", "20250301T0000")]
    [InlineData("/logs/2025/03/01/events.json", "20250301")]
    [InlineData("/logs/events.json", null)]
    public void TimeKey_KnownLayouts_EarliestTimeThePathTells(string path, string? expected) =>
        Assert.Equal(expected, ScoreInputOrder.TimeKey(path));
}
