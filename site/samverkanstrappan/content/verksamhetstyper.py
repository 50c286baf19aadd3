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
}

HUVUDMAN = ("kommun", "region", "stat", "ideell")
