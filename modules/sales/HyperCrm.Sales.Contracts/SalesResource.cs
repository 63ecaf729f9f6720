using HyperCrm.Framework.Localization;

namespace HyperCrm.Sales;

[LocalizationResourceName("Sales")]
public sealed class SalesResource;
