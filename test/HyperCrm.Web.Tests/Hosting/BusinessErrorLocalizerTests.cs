using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Web;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

public sealed class BusinessErrorLocalizerTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public void A_Code_With_A_Text_Reads_In_The_Current_Language_With_Its_Enum_Arguments_Worded()
    {
        var localizer = app.Services.GetRequiredService<BusinessErrorLocalizer>();
        var error = new BusinessException("Sales:TransitionNotAllowed", "An order cannot go from OnHold to Delivered.")
        {
            Arguments = [HyperCrm.Sales.Orders.OrderStatus.OnHold, HyperCrm.Sales.Orders.OrderStatus.Delivered],
        };

        InCulture.Read("en", () => localizer.Localize(error)).ShouldBe("An order cannot go from on hold to delivered.");
        InCulture.Read("ru", () => localizer.Localize(error)).ShouldBe("Заказ не может перейти из статуса «на проверке» в «доставлен».");
    }

    [Fact]
    public void A_Code_Without_A_Text_Or_Without_Its_Arguments_Falls_Back_To_The_English_Message()
    {
        var localizer = app.Services.GetRequiredService<BusinessErrorLocalizer>();

        InCulture.Read("ru", () => localizer.Localize(new BusinessException("Sales:NoSuchCode", "Plain English.")))
            .ShouldBe("Plain English.");
        InCulture.Read("ru", () => localizer.Localize(new BusinessException("Common:NotFound",
            "There is no delivery 1."))).ShouldBe("There is no delivery 1.");
        InCulture.Read("ru", () => localizer.Localize(new BusinessException("NoPrefix", "No prefix."))).ShouldBe("No prefix.");
    }

    [Fact]
    public void Every_Mapped_Status_Comes_From_The_Web_Layer_And_Unmapped_Codes_Are_422()
    {
        var codes = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ErrorCodeOptions>>().Value;

        codes.StatusOf("Sales:TransitionNotAllowed").ShouldBe(409);
        codes.StatusOf("Common:NotFound").ShouldBe(404);
        codes.StatusOf("Identity:PrivilegeEscalation").ShouldBe(403);
        codes.StatusOf("Sales:MoveNeedsReason").ShouldBe(422);
    }
}
