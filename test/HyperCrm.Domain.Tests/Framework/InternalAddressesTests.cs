using System.Net;
using HyperCrm.Framework.Net;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Framework;

public sealed class InternalAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.1.2.3", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("::ffff:10.0.0.5", false)]
    [InlineData("10.0.0.5", false)]
    [InlineData("2001:db8::1", false)]
    public void A_Caller_On_This_Machine_Should_Be_Told_From_Any_Other_Also_Through_A_Dual_Stack_Listener(string address, bool loopback) =>
        InternalAddresses.IsLoopback(IPAddress.Parse(address)).ShouldBe(loopback);

    [Fact]
    public void No_Address_Should_Not_Count_As_This_Machine() => InternalAddresses.IsLoopback(null).ShouldBeFalse();
}
