"""The fixed list of kinds of verksamhet that the vägvisare routes to.

A municipality's directory says which of its services is of which kind; the
vägvisare's outcomes name kinds, never concrete services. The labels are
interface strings (translated with gettext; N_ only marks them for extraction).
"""


def N_(text: str) -> str:
    return text


TYPER = {
    "kontaktcenter": N_("Kommunens kontaktcenter"),
    "vardcentral": N_("Vårdcentral"),
    "socialtjanst-vuxen": N_("Socialtjänsten, vuxna"),
    "socialtjanst-barn": N_("Socialtjänsten, barn och unga"),
    "socialjour": N_("Socialjouren"),
    "bistand-aldre": N_("Biståndshandläggare, äldreomsorg"),
    "anhorigstod": N_("Anhörigstöd"),
    "skuldradgivning": N_("Budget- och skuldrådgivning"),
    "lss": N_("LSS-handläggare"),
    "elevhalsa": N_("Elevhälsan"),
    "bup": N_("BUP, barn- och ungdomspsykiatrin"),
    "psykiatri": N_("Psykiatrin för vuxna"),
    "psykiatrisk-akut": N_("Psykiatrisk akutmottagning"),
    "beroendemottagning": N_("Beroendemottagning"),
    "habilitering": N_("Habiliteringen"),
    "rehabkoordinator": N_("Rehabkoordinator"),
    "forsakringskassan": N_("Försäkringskassan"),
    "arbetsformedlingen": N_("Arbetsförmedlingen"),
    "pensionsmyndigheten": N_("Pensionsmyndigheten"),
}

HUVUDMAN = ("kommun", "region", "stat", "ideell")

# Kinds that help at once, day and night: a combined answer lists them first.
AKUTA = ("psykiatrisk-akut", "socialjour")

# Who is responsible, as a combined answer groups its contacts: kommun, region, state.
HUVUDMAN_NAMN = {
    "kommun": N_("Kommunen"),
    "region": N_("Regionen"),
    "stat": N_("Staten"),
    "ideell": N_("Ideella organisationer"),
}

# Coordinating roles, step 6 of the staircase: id -> (name, what the role does for you, the
# kind of verksamhet to ask for it). An outcome lists them under samordnare:.
ROLLER = {
    "fast-vardkontakt": (
        N_("Fast vårdkontakt"),
        N_("En person i vården som håller ihop din vård och som du kan fråga. Du har rätt att be om en."),
        "vardcentral",
    ),
    "rehabkoordinator": (
        N_("Rehabkoordinator"),
        N_(
            "En person på vårdcentralen som hjälper dig tillbaka till arbetet och har kontakt med din arbetsgivare "
            "och Försäkringskassan."
        ),
        "vardcentral",  # where to ask for one: "ask the rehabkoordinator for a rehabkoordinator" said nothing
    ),
    "lots": (
        N_("Lots eller koordinator"),
        N_("En person i kommunen som hjälper dig att hitta rätt och håller ihop kontakterna med olika verksamheter."),
        "kontaktcenter",
    ),
    "case-manager": (
        N_("Case manager"),
        N_(
            "En person som följer dig länge, samordnar vård och stöd och finns kvar när det är svårt. Fråga "
            "psykiatrin eller socialtjänsten om det finns i din kommun."
        ),
        "psykiatri",
    ),
    # A receptionist's daughter with autism and depression was sent between psychiatry, LSS and
    # Försäkringskassan (a persona, session 45): nothing named the one role that exists for that.
    "personligt-ombud": (
        N_("Personligt ombud"),
        N_(
            "En person som hjälper dig att få kontakt med vården och myndigheterna och att få det stöd du har "
            "rätt till. Ombudet är till för vuxna med långvarig psykisk ohälsa och arbetar bara för dig. Det "
            "kostar inget."
        ),
        "kontaktcenter",  # most municipalities' ombud have a number of their own, which the centre gives
    ),
}
