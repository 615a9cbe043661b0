"""Event triggers: words that announce an event, with their ACLED and PLOVER codes.

Each ``Trigger`` is matched on lemmas (spaCy ``Matcher``). ``kind`` tells the extractor how
to read the arguments: ``attack`` triggers are typed by who was hit (armed actor -> Battles,
civilians -> Violence against civilians); ``territory`` triggers become "Government regains
territory" when a state actor gains ground; ``protest`` triggers look for intervention cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    name: str
    patterns: tuple[tuple[str, ...], ...]  # sequences of lemmas; "*" matches any one token
    event_type: str | None  # None: a PLOVER-only event that ACLED does not code
    sub_event_type: str | None
    plover_event: str | None
    plover_mode: str | None
    kind: str = "plain"  # plain | attack | territory | protest | kill | hq | displace | plover
    weight: float = 0.6
    noun: bool = False  # True when the trigger is a noun that needs a light verb or arguments


B, E, P, R, S, V = (
    "Battles",
    "Explosions/Remote violence",
    "Protests",
    "Riots",
    "Strategic developments",
    "Violence against civilians",
)

TRIGGERS: list[Trigger] = [
    # --- Battles
    Trigger("clash", (("clash",), ("exchange", "fire"), ("exchange", "of", "fire"), ("exchange", "artillery"),
                      ("exchange", "shelling"), ("exchange", "gun"), ("exchange", "heavy"), ("exchange", "mortar"),
                      ("exchange", "rocket"), ("exchange", "gunshot"), ("exchange", "shot"),
                      ("in", "both", "direction"), ("gunfight",), ("firefight",), ("communal", "violence"),
                      ("shelling", "exchange"),
                      ("intercommunal", "violence"), ("inter", "-", "communal"), ("revenge", "killing"), ("shoot", "-", "out"), ("shootout",),
                      ("skirmish",), ("gun", "battle"), ("fierce", "fighting"), ("heavy", "fighting")),
            B, "Armed clash", "ASSAULT", "firearms", "plain", 0.75),
    Trigger("fight", (("fight",), ("fighting",), ("battle",), ("combat",), ("encounter",)), B, "Armed clash", "ASSAULT", "firearms",
            "plain", 0.55, noun=True),
    Trigger("directfire", (("small", "arm"), ("small", "arms"), ("machine", "gun"), ("gunfire",), ("gunshot",),
                           ("sniper", "fire"), ("exchange", "gunfire"), ("automatic", "weapon"), ("machinegun",),
                           ("burst", "of", "fire"), ("shot", "involve")),
            B, "Armed clash", "ASSAULT", "firearms", "attack", 0.6, noun=True),
    Trigger("attack", (("attack",), ("assault",), ("ambush",), ("raid",), ("storm",), ("offensive",),
                       ("counterattack",), ("counter", "-", "attack"), ("open", "fire"), ("fire", "on"), ("shoot",),
                       ("fire",), ("drive", "-", "by"), ("operation", "against"), ("incursion",),
                       ("security", "operation"), ("military", "operation")),
            B, "Armed clash", "ASSAULT", "firearms", "attack", 0.65),
    Trigger("territory", (("seize",), ("capture",), ("overrun",), ("take", "control"), ("gain", "control"),
                          ("take", "over"), ("seize", "control"), ("under", "the", "control"), ("in", "control"),
                          ("clear", "out"), ("drive", "out"), ("expel",), ("retake",), ("recapture",),
                          ("regain", "control"), ("regain",), ("liberate",), ("fall", "to"), ("push", "out")),
            B, "Non-state actor overtakes territory", "ASSAULT", None, "territory", 0.7),
    # an army invading another's land fights its way in (ACLED: armed clash), whoever it meets
    Trigger("invade", (("invade",), ("invasion",)), B, "Armed clash", "ASSAULT", None, "plain", 0.6),
    # --- Explosions / remote violence
    Trigger("suicide", (("suicide", "bomber"), ("suicide", "bombing"), ("suicide", "attack"), ("suicide", "bomb"),
                        ("suicide", "car", "bomb"), ("suicide", "vest"), ("self", "-", "detonate")),
            E, "Suicide bomb", "ASSAULT", "suicide-attack", "plain", 0.8),
    Trigger("airstrike", (("airstrike",), ("air", "strike"), ("air", "raid"), ("drone", "strike"), ("drone", "attack"),
                          ("airstrikes",), ("warplane",), ("bombard",), ("aerial", "bombardment"),
                          ("air", "force", "target"), ("drone",), ("helicopter", "gunship"),
                          ("air", "attack")),
            E, "Air/drone strike", "ASSAULT", "aerial", "plain", 0.8),
    Trigger("shelling", (("shell",), ("shelling",), ("mortar",), ("artillery",), ("rocket",), ("missile",),
                         ("grenade", "launcher"), ("rpg",), ("projectile",), ("howitzer",), ("mlrs",),
                         ("explosion", "involve"), ("heavy", "weapon"), ("medium", "weapon"),
                         ("heavy", "and", "medium", "weapon"),
                         # heavy machine guns and infantry fighting vehicles' cannons are heavy weapons (ACLED)
                         ("heavy", "machinegun"), ("heavy", "machine", "gun"), ("heavy", "machineguns"), ("ifv",),
                         ("ifvs",), ("cannon",), ("anti", "-", "tank"), ("atgm",), ("recoilless",),
                         ("rocket", "attack"), ("missile", "strike")),
            E, "Shelling/artillery/missile attack", "ASSAULT", "heavy-weapons", "plain", 0.65),
    Trigger("ied", (("ied",), ("roadside", "bomb"), ("landmine",), ("land", "mine"), ("explosive", "device"),
                    ("car", "bomb"), ("vbied",), ("rcied",), ("pbied",), ("svbied",), ("uvied",), ("mvbied",), ("bomb", "explode"), ("blast",), ("explosion",), ("detonate",),
                    ("bomb", "go", "off"), ("bombing",), ("bomb",), ("plant", "mine"), ("magnetic", "bomb"),
                    ("sticky", "bomb"), ("explosive", "attack"), ("set", "off", "explosive"), ("set", "off", "*", "explosive"), ("remote", "explosive"), ("unexploded",),
                    ("ordnance",), ("ordinance", "explode"), ("uxo",), ("explosive", "remnant"), ("blow", "up")),
            E, "Remote explosive/landmine/IED", "ASSAULT", "explosives", "plain", 0.65),
    Trigger("grenade", (("grenade",), ("hand", "grenade")), E, "Grenade", "ASSAULT", "explosives", "plain", 0.75),
    Trigger("chemical", (("chemical", "weapon"), ("chemical", "attack"), ("chlorine",), ("sarin",), ("gas", "attack")),
            E, "Chemical weapon", "ASSAULT", "unconventional", "plain", 0.8),
    # --- Protests and riots
    Trigger("protest", (("protest",), ("demonstrate",), ("demonstration",), ("rally",), ("march",), ("sit", "-", "in"),
                        ("protester",), ("demonstrator",), ("motorcade",), ("take", "to", "the", "street"),
                        ("take", "to", "the", "streets"), ("go", "on", "strike"), ("hunger", "strike"), ("chant",),
                        ("general", "strike"), ("stop", "work"), ("walkout",), ("down", "tool"), ("shun", "work"),
                        ("block", "the", "road"), ("block", "road"), ("blocked", "the", "road"), ("block", "the", "entrance"),
                        ("block", "the", "highway"), ("block", "street"), ("block", "some", "street"),
                        ("picket",), ("vigil",), ("procession",), ("human", "chain"), ("gather",), ("assemble",),
                        ("block",), ("road", "blockade"), ("bang", "pot"), ("pot", "-", "banging"),
                        ("cacerolazo",),
                        ("converge",), ("congregate",),
                        # May Day rallies ("commemorated Labor Day", "to mark the International Workers' Day")
                        ("commemorate", "labor", "day"), ("commemorate", "labour", "day"), ("celebrate", "labor", "day"),
                        ("celebrate", "labour", "day"), ("mark", "labor", "day"), ("mark", "labour", "day"),
                        ("mark", "*", "labor", "day"), ("mark", "*", "labour", "day"), ("mark", "*", "worker"),
                        ("mark", "*", "*", "worker"), ("mark", "*", "*", "workers"), ("commemorate", "*", "worker"),
                        ("commemorate", "*", "*", "worker"), ("commemorate", "*", "*", "workers"),
                        ("mark", "may", "day"), ("commemorate", "may", "day")),
            P, "Peaceful protest", "PROTEST", "demo", "protest", 0.7),
    Trigger("riot", (("riot",), ("rioter",), ("torch",), ("set", "fire"), ("burn", "tyre"), ("burn", "tire"), ("barricade",),
                     ("burn", "*", "tyre"), ("burn", "*", "tire"), ("set", "fire", "to", "tire"), ("set", "fire", "to", "tyre"),
                     ("set", "fire", "to", "*", "tire"), ("set", "fire", "to", "*", "tyre"),
                     ("pelt",), ("throw", "stone"), ("hurl", "stone")),
            R, "Violent demonstration", "PROTEST", "riot", "plain", 0.7),
    Trigger("mob", (("mob",), ("lynch",), ("vigilante",)), R, "Mob violence", "ASSAULT", "beat", "plain", 0.7),
    # --- Violence against civilians
    Trigger("kill", (("kill",), ("find", "dead"), ("leave", "*", "dead"), ("leave", "*", "*", "dead"),
                     ("leave", "*", "*", "*", "dead"), ("body", "be", "find"), ("body", "be", "discover"),
                     ("bodies", "be", "find"), ("murder",), ("execute",), ("behead",), ("massacre",), ("assassinate",),
                     ("assassination",), ("slaughter",), ("shoot", "dead"), ("shot", "dead"), ("gun", "down"), ("stab",),
                     ("torture",), ("beat",), ("whip",), ("flog",)),
            V, "Attack", "ASSAULT", "targeted", "kill", 0.6),
    # "unknown gunmen wounded a civilian": an attack told by its wounds (only with an attacker as subject)
    Trigger("wound", (("wound",), ("injure",)), V, "Attack", "ASSAULT", "firearms", "kill", 0.5),
    # "the body of a man was found", "three people were found dead": read only when a body is what was found
    Trigger("found", (("find",),), V, "Attack", "ASSAULT", "targeted", "kill", 0.55),
    # driving a people out by terror (ACLED: attacks on civilians; PLOVER ASSAULT)
    Trigger("cleansing", (("ethnic", "cleansing"),), V, "Attack", "ASSAULT", None, "plain", 0.6),
    Trigger("abduct", (("abduct",), ("kidnap",), ("abduction",), ("kidnapping",), ("take", "hostage"),
                       ("hold", "hostage"), ("forcibly", "disappear")),
            V, "Abduction/forced disappearance", "ASSAULT", "abduct", "plain", 0.8),
    Trigger("sexual", (("rape",), ("sexual", "violence"), ("sexually", "assault"), ("sexual", "assault"),
                       ("sexually", "abuse"), ("sexual", "abuse")),
            V, "Sexual violence", "ASSAULT", "sexual", "plain", 0.8),
    # --- Strategic developments
    Trigger("arrest", (("arrest",), ("detain",), ("apprehend",), ("round", "up")),
            S, "Arrests", "COERCE", "arrest", "plain", 0.55),
    Trigger("hq", (("establish",), ("set", "up"), ("open",), ("advertise", "the", "opening"), ("opening",)),
            S, "Headquarters or base established", None, None, "hq", 0.5),
    Trigger("loot", (("loot",), ("pillage",), ("ransack",), ("vandalize",), ("vandalise",), ("destroy",), ("demolish",),
                     ("burn", "down"), ("steal",), ("rob",), ("strip",), ("rustle",), ("burn", "house"),
                     ("burn", "granary"), ("burn", "shop"), ("burn", "school"), ("set", "fire", "to"), ("arson",),
                     ("arson", "attack"), ("raze",), ("uproot",), ("cut", "down"),
                     ("extort",), ("confiscate",)),
            S, "Looting/property destruction", "ASSAULT", "destroy", "plain", 0.55),
    Trigger("burn", (("burn",), ("sabotage",), ("set", "ablaze"), ("set", "on", "fire"), ("set", "alight"),
                     ("molotov",), ("petrol", "bomb"), ("firebomb",), ("fire", "bomb")), S,
            "Looting/property destruction", "ASSAULT",
            "destroy", "plain", 0.55),
    Trigger("disrupt", (("defuse",), ("recover", "*", "ied"), ("recover", "*", "explosive"), ("recover", "ied"),
                        ("recover", "arm"), ("recover", "weapon"), ("recover", "*", "weapon"), ("recover", "ammunition"),
                        ("cache", "of", "explosive"), ("cache", "of", "weapon"), ("cache", "of", "arm"), ("dismantle",), ("disarm",), ("dismantle", "bomb"), ("seize", "weapon"), ("weapons", "cache"),
                        ("arms", "cache"), ("intercept",), ("shoot", "down")),
            S, "Disrupted weapons use", "COERCE", "seize", "plain", 0.6),
    Trigger("agree", (("ceasefire",), ("cease", "-", "fire"), ("peace", "deal"), ("truce",),
                      ("reach", "agreement"), ("peace", "agreement")),
            S, "Agreement", "AGREE", None, "plain", 0.6),
    # signing or ratifying an agreement is PLOVER SUPPORT (the manual); agreeing to one is AGREE
    Trigger("sign", (("sign", "agreement"), ("sign", "a", "peace", "agreement"), ("sign", "peace", "agreement"),
                     ("sign", "a", "ceasefire"), ("sign", "ceasefire"), ("sign", "*", "agreement"),
                     ("sign", "*", "accord")),
            S, "Agreement", "SUPPORT", None, "plain", 0.6),
    # fighters surrendering to the other side: an agreement to ACLED, RETREAT (disarm) to PLOVER
    Trigger("surrender", (("surrender", "to"),), S, "Agreement", "RETREAT", "disarm", "plain", 0.6),
    # the actual release or exchange of prisoners is RETREAT "release" in PLOVER; ACLED codes an exchange as an
    # agreement and a release alone as "Other"
    Trigger("exchange", (("prisoner", "exchange"), ("exchange", "prisoner"), ("swap", "prisoner"), ("prisoner", "swap")),
            S, "Agreement", "RETREAT", "release", "plain", 0.6),
    Trigger("release", (("release", "prisoner"), ("release", "hostage"), ("release", "detainee"),
                        ("release", "*", "prisoner"), ("release", "*", "*", "prisoner"), ("release", "*", "detainee"),
                        ("release", "*", "hostage"), ("release", "*", "*", "soldier"), ("release", "*", "soldier")),
            S, "Other", "RETREAT", "release", "plain", 0.6),
    Trigger("withdraw", (("withdraw",), ("pull", "out"), ("hand", "over"), ("retreat",)),
            S, "Non-violent transfer of territory", "RETREAT", None, "plain", 0.45),
    Trigger("group", (("pledge", "allegiance"), ("recruit",), ("merge",), ("defect",), ("form", "alliance"),
                      ("reinforcement",), ("redeploy",), ("deploy",), ("military", "buildup"), ("mobilize",),
                      ("mobilise",), ("join",), ("patrol",), ("fortification",),
                      ("bring", "reinforcement"), ("send", "reinforcement"), ("bring", "*", "reinforcement"),
                      ("send", "*", "reinforcement"), ("bring", "in", "*", "reinforcement"), ("military", "column"),
                      ("military", "convoy"), ("military", "exercise"), ("besiege",), ("strengthen", "*", "force"),
                      ("strengthen", "force"), ("reinforce",)),
            S, "Change to group/activity", "MOBILIZE", "troops", "plain", 0.4),
    # people fleeing or displaced by violence: ACLED "Other" (read only when civilians move, never attackers)
    Trigger("displace", (("flee",), ("displace",), ("displacement",), ("evacuate", "from"), ("evacuate", "follow"),
                         ("evacuate", "after"), ("evacuate", "due"), ("evacuate", "to"), ("migrant", "return"),
                         ("refugee", "return"), ("migrant", "arrive"), ("refugee", "arrive")),
            S, "Other", None, None, "displace", 0.4),
    # curfews and emergency rule restrict people: PLOVER COERCE (modes curfew, martial-law)
    Trigger("curfew", (("curfew",), ("lockdown",), ("seal", "off")), S, "Change to group/activity", "COERCE", "curfew", "plain", 0.4),
    Trigger("emergency", (("state", "of", "emergency"), ("martial", "law"), ("state", "of", "siege")),
            S, "Change to group/activity", "COERCE", "martial-law", "plain", 0.4),
]

#: PLOVER-only events: reported interactions ACLED does not code (a consultation, an accusation, a
#: request, an aid delivery...). They yield events with no ACLED type and a confidence of at most
#: ``PLOVER_ONLY_MAX_CONFIDENCE``, so a document's ACLED events rank first. Opinions are not events:
#: only verbs that report an act of the speaker ("accused", "demanded", "met") are triggers, never
#: "said", "should" or "warned". Codes follow the PLOVER manual (investigations are ACCUSE).
PLOVER_ONLY_MAX_CONFIDENCE = 0.5
PLOVER_TRIGGERS: list[Trigger] = [
    Trigger("p-agree", (("agree",), ("promise",), ("consent", "to"), ("pledge", "to"), ("offer",), ("reach", "consensus"), ("reach", "a", "consensus"),
                        ("accept",), ("reach", "a", "deal"), ("vow", "to"), ("ready", "to"), ("prepared", "to"),
                        ("willing", "to"), ("commit", "to")),
            None, None, "AGREE", None, "plover", 0.35),
    Trigger("p-consult", (("meet",), ("meeting",), ("hold", "talk"), ("talks",), ("visit",), ("telephone",),
                          ("phone",), ("host",), ("negotiate",), ("negotiation",), ("mediate",), ("mediation",),
                          ("consult",), ("summit",), ("discuss",), ("arrive", "in"), ("receive",)),
            None, None, "CONSULT", "meet", "plover", 0.3, noun=True),
    Trigger("p-request", (("demand",), ("urge",), ("call", "on"), ("call", "for"), ("appeal", "to"),
                          ("appeal", "for"), ("request",), ("press", "for"), ("insist",), ("plead",), ("pressure",),
                          ("push", "for"), ("seek", "asylum"), ("seek", "refuge"), ("ask",), ("press",)),
            None, None, "REQUEST", None, "plover", 0.35),
    # "Russia said Sudan must return the helicopter": a demand (read only as the aux of a reported clause)
    Trigger("p-must", (("must",),), None, None, "REQUEST", None, "plover", 0.3),
    Trigger("p-accuse", (("accuse",), ("blame",), ("condemn",), ("denounce",), ("criticize",), ("criticise",),
                         ("complain",), ("allege",), ("indict",), ("sue",), ("decry",), ("lodge", "protest"),
                         ("investigate",), ("investigation",), ("probe",), ("inquiry",), ("charge", "with"), ("charge",),
                         ("hearing",), ("complaint",)),
            None, None, "ACCUSE", None, "plover", 0.35),
    Trigger("p-reject", (("reject",), ("refuse",), ("veto",), ("rebuff",), ("turn", "down"), ("rule", "out"),
                         ("dismiss",), ("boycott",), ("renege",), ("oppose",), ("opposed", "to"), ("deny",)),
            None, None, "REJECT", None, "plover", 0.35),
    Trigger("p-threaten", (("threaten",), ("ultimatum",)), None, None, "THREATEN", None, "plover", 0.35),
    # a warning is a threat only when it announces the speaker's coercion or refusal (read by the extractor)
    Trigger("p-warn", (("warn",),), None, None, "THREATEN", None, "plover", 0.35),
    Trigger("p-support", (("support",), ("endorse",), ("praise",), ("back",), ("recognize",), ("recognise",),
                          ("welcome",), ("commend",), ("forgive",), ("ratify",), ("sign", "treaty"), ("sign", "deal"),
                          ("apologize",), ("apologise",),  # CAMEO 055 "apologize" -> SUPPORT (conversion table 2021)
                          ("sign", "accord"), ("sign", "a", "treaty"), ("sign", "a", "deal"),
                          ("sign", "*", "*", "treaty"), ("sign", "*", "treaty"),
                          ("establish", "diplomatic"), ("restore", "tie"), ("restore", "relation"), ("upgrade",),
                          ("defend",)),
            None, None, "SUPPORT", None, "plover", 0.3),
    Trigger("p-cooperate", (("cooperate",), ("co", "-", "operate"), ("cooperation",), ("share", "intelligence"),
                            ("share", "information"), ("share", "evidence"), ("share", "expertise"), ("extradite",),
                            ("joint", "exercise"), ("joint", "military", "exercise"), ("war", "game")),
            None, None, "COOPERATE", None, "plover", 0.35),
    Trigger("p-aid", (("donate",), ("humanitarian", "aid"), ("food", "aid"), ("military", "aid"), ("send", "aid"),
                      ("deliver", "aid"), ("provide", "aid"), ("grant", "asylum"), ("evacuate",), ("send", "arms"),
                      ("relief", "supply"), ("food", "supply"), ("aid", "convoy"), ("aid",), ("assistance",), ("asylum",),
                      ("donation",), ("loan",), ("grant", "*", "loan")),
            None, None, "AID", None, "plover", 0.35, noun=True),
    # giving to a named recipient is aid; announced ("will provide"), a promise (AGREE)
    Trigger("p-give", (("provide",), ("give",), ("send",), ("contribute",), ("deliver",), ("dispatch",)),
            None, None, "AID", None, "plover", 0.3),
    Trigger("p-concede", (("concede",), ("pardon",), ("amnesty",), ("acquit",), ("lift", "ban"), ("lift", "sanction"),
                          ("lift", "the", "ban"), ("lift", "embargo"), ("lift", "curfew"), ("ease", "restriction"),
                          ("allow",), ("call", "off"), ("ease",), ("relax",),
                          ("cancel", "restriction"), ("cancel", "*", "restriction"), ("lift", "restriction"),
                          ("remove", "restriction")),
            None, None, "CONCEDE", None, "plover", 0.35),
    Trigger("p-retreat", (("resign",), ("step", "down"), ("release",), ("free",), ("repatriate",), ("disarm",),
                          ("withdrawal",), ("demobilize",), ("demobilise",), ("return",), ("surrender",)),
            None, None, "RETREAT", None, "plover", 0.35),
    Trigger("p-sanction", (("sanction",), ("embargo",), ("sever", "tie"), ("cut", "tie"), ("break", "off"),
                           ("recall", "ambassador"), ("expel", "diplomat"), ("suspend", "aid"), ("freeze", "asset"),
                           ("sever", "*", "tie"), ("cut", "*", "tie"), ("recall", "*", "ambassador"),
                           ("freeze", "*", "asset"), ("sever", "*", "relation"),
                           ("suspension",), ("suspend",)),
            None, None, "SANCTION", None, "plover", 0.35),
    Trigger("p-coerce", (("deport",), ("ban",), ("outlaw",), ("blockade",), ("censor",), ("jail",), ("imprison",),
                         ("sentence",), ("impose", "curfew"), ("impose", "restriction"), ("impose", "*", "restriction")),
            None, None, "COERCE", None, "plover", 0.35),
    # forces put "on alert" or on "high alert": readiness raised (PLOVER MOBILIZE; ACLED codes no event)
    Trigger("p-alert", (("alert",),), None, None, "MOBILIZE", "troops", "plover", 0.35),
    # hacking and defacing websites: PLOVER COERCE "cyber" (ACLED codes no violence)
    Trigger("p-cyber", (("hack",), ("hack", "into"), ("deface",), ("cyberattack",), ("cyber", "attack"),
                        ("cyber", "-", "attack")),
            None, None, "COERCE", "cyber", "plover", 0.35),
]
TRIGGERS = TRIGGERS + PLOVER_TRIGGERS

#: What "burned"/"sabotaged" must hit to be property destruction.
PROPERTY = {"school", "house", "home", "granary", "shop", "store", "church", "mosque", "village", "building", "office",
            "vehicle", "car", "truck", "market", "hut", "crop", "field", "station", "hospital", "clinic", "tent",
            "property", "installation", "pylon", "antenna", "mast", "tower", "bridge", "warehouse", "factory",
            "motorbike", "motorcycle", "bus", "house", "residence", "stall", "harvest", "farm", "equipment", "generator",
            "tractor", "excavator", "machinery", "tanker", "bulldozer", "tavern", "plant", "facility", "tent",
            "pharmacy", "bank", "restaurant", "hotel", "supermarket", "business", "infrastructure", "machine", "cart",
            "chapel", "hall", "temple", "shrine", "kiosk", "depot", "pump", "well"}
#: What "found" must have found to tell a killing.
REMAINS = {"body", "bodies", "corpse", "remains", "remain", "head", "skeleton", "dead"}
#: Nouns after "establish/open/set up" that make it a headquarters/base event.
HQ_OBJECTS = {"headquarters", "headquarter", "base", "court", "office", "checkpoint", "camp", "outpost", "police"}

#: Verbs whose object is an event noun that did happen ("launched an attack").
LIGHT_VERBS = {
    "fire", "use", "drop", "lob", "observe", "record", "hear", "repel", "repulse", "foil", "thwart",
    "launch", "carry", "conduct", "stage", "unleash", "mount", "claim", "spark", "trigger", "set", "erupt",
    "break", "take", "continue", "intensify", "resume", "escalate", "hold", "organize", "organise", "lead",
    "kill", "wound", "injure", "leave", "target", "hit", "rock", "strike", "report", "see", "witness",
    "follow", "occur", "happen", "activate", "plant", "place", "complete", "undertake", "establish", "build", "dig",
    "erect", "wage", "perpetrate", "commit",
}
#: Nouns that name the opponent of their possessor ("IS's rivals in the MSC").
RELATIONAL = {"rival", "opponent", "enemy", "foe", "adversary", "competitor"}

#: Words that mark a target as civilian or civilian property.
CIVILIAN_TARGETS = {
    "vehicle", "site", "consumer", "vendor", "merchant", "individual", "hamlet", "marketgoer", "trader", "farm", "store",
    "member", "councilor", "councillor", "mayor", "chairperson", "activist", "leader", "owner", "agent",
    "correspondent", "worker", "employee", "supporter", "candidate", "monk", "priest", "imam", "pastor", "restaurant", "bar", "residence", "taxi", "motorcycle", "clinic", "office", "hotel",
    "civilian", "village", "villager", "market", "church", "mosque", "school", "hospital", "resident", "home",
    "house", "worshipper", "passenger", "bus", "farmer", "herder", "student", "people", "woman", "child",
    "family", "journalist", "teacher", "shop", "camp", "refugee", "town", "wedding", "funeral", "man",
}
#: Words that make the target of an attack a military or police post (ACLED: an armed clash).
ARMED_TARGETS = {
    "base", "checkpoint", "position", "patrol", "convoy", "outpost", "barracks", "garrison",
    "soldier", "troop", "policeman", "policewoman", "gendarme", "officer", "personnel",
    "militant", "fighter", "rebel", "insurgent", "militiaman", "tank", "frontline", "force", "forces", "unit",
    "brigade", "battalion", "militia", "policemen", "security", "bodyguard",
}
#: Modifiers that make any target noun a state post ("a police station", "an army truck").
ARMED_TARGET_MODIFIERS = {"police", "army", "military", "gendarmerie", "security", "troop", "militant", "rebel",
                          "jihadist", "insurgent", "armed", "militia", "militiaman"}
#: A gathering is a demonstration only when the sentence says what for ("gathered to demand ...").
GATHERING_WORDS = {"gather", "assemble", "converge", "congregate"}
PROTEST_PURPOSE = re.compile(
    r"\b(?:demand\w*|protest\w*|denounc\w*|reject\w*|condemn\w*|solidarity|in support of|to support|against|"
    r"commemorat\w*|chant\w*|slogans?|call(?:ed|ing)? for|express(?:ed|ing)? (?:their|its) (?:anger|rejection|"
    r"opposition|support|discontent|displeasure)|voic(?:ed|ing) (?:their|its)|denounc\w*|claim(?:ed|ing)? "
    r"(?:their|unpaid)|unpaid|salar(?:y|ies)|wages)\b", re.I)
#: Fights with crude weapons and no firearm, or between unarmed groups: ACLED's mob violence (Riots).
CRUDE_WEAPONS = re.compile(
    r"\b(?:sticks?|stones?|rocks?|machetes?|axes|knives|knife|bows? and arrows|arrows|(?:iron )?rods|clubs|bricks?|"
    r"sharp (?:weapons|objects)|bladed weapons|swords?|hammers?|spears?|fists?|stone[- ]pelting|pelted)\b", re.I)
UNARMED_GROUPS = re.compile(r"\b(?:two (?:\w+ )?groups|rival groups|groups of (?:villagers|residents|youths?|people|supporters)|"
                            r"one another|each other|"
                            r"supporters|communit(?:y|ies)|famil(?:y|ies)|neighbou?rs|locals)\b", re.I)
#: Members of political parties fighting one another: a riot (ACLED mob violence) even when someone dies.
PARTY_GROUPS = re.compile(r"\b(?:(?:members|supporters|activists|workers|cadres|youths?) of (?:the )?(?:\w+ ){0,3}"
                          r"part(?:y|ies)|party (?:members|supporters|activists|workers|cadres))\b", re.I)
FIREARMS = re.compile(r"\b(?:guns?\w*|gunfire|gunshots?|gunm[ae]n|shot|shots|shoot\w*|fired|firing|rifles?|pistols?|"
                      r"bullets?|firearms?|militia\w*|militants?|fighters|rebels|troops|soldiers|armed (?:\w+ )?(?:group|men|"
                      r"individuals|families)|exchange[ds]? (?:of )?fire|opened fire|ambush\w*|grenades?|rockets?)\b",
                      re.I)
LETHAL = re.compile(r"\b(?:killed|dead|died|death|fatalit(?:y|ies))\b", re.I)
#: Cues in a protest sentence that mean the state intervened.
#: Words in a protest sentence that mean the state intervened (the grievance "against the arrest of"
#: is not an intervention: arrests count only as verbs, water only as a water cannon).
#: Cues that an otherwise civilian-sounding noun ("men") names attackers ("armed men").
ARMED_MODIFIERS = {"armed", "masked", "unknown", "unidentified", "suspected", "hooded", "gun-wielding"}
#: What a "seize" verb may take that is not territory: goods are looting, arms are disrupted weapons use.
SEIZED_GOODS = {"goat", "cattle", "livestock", "cow", "sheep", "camel", "animal", "motorbike", "motorcycle", "money",
                "ruminant", "cart", "donkey", "ox", "oxen", "poultry", "herd", "belongings", "goods",
                "marijuana", "cocaine", "heroin", "drug", "drugs", "cannabis", "methamphetamine", "land", "tanker",
                "cigarette", "contraband", "pack", "timber", "gold",
                "cash", "vehicle", "car", "truck", "belonging", "property", "food", "grain", "phone", "boat", "good",
                "crop", "harvest", "fuel", "medicine", "equipment", "bicycle", "tricycle", "herd"}
SEIZED_WEAPONS = {"weapon", "arm", "ammunition", "explosive", "rifle", "gun", "grenade", "mine", "ied", "cache", "munition",
                  "munitions", "bomb", "detonator", "pistol"}
INTERVENTION = re.compile(
    r"(?<!who )(?<!which )(?<!that )(?<!who were )(?<!who was )(?<!who had been )(?<!who have been )\b(?:tear ?gas|teargas|water cannons?|rubber bullets|batons?|baton[- ]charged?|lathi|stun grenades?|"
    r"dispers(?:e|ed|ing)|broke up|(?:were|was|been) (?:arrested|detained)|arrested|detained|rounded up|"
    r"clashed with (?:the )?(?:police|security forces)|(?:police|security forces|soldiers|troops|gendarmes) intervened|"
    r"by force|forcibly (?:removed|dispersed|evicted)|baton[- ]charge|resorted to (?:a )?(?:baton|lathi|force)|"
    r"arrests were made|attempted to arrest|(?:stopped|prevented) (?:the )?(?:protesters|demonstrators)|"
    r"used (?:excessive )?force)\b", re.I)
#: Violence by the demonstrators themselves: a violent demonstration (Riots), not a peaceful protest.
RIOT_CUES = re.compile(
    r"\b(?:lit (?:\w+ )?(?:fires?|tyres|tires|bonfires?|flares)|burn(?:ed|ing|t)? (?:tyres|tires|vehicles|cars)|"
    r"(?<!who )(?<!that )set (?:\w+ )?(?:on )?fire|(?<!who )torched|torching|threw stones|"
    r"(?:pelted|hurled|threw) (?:stones|rocks|petrol bombs|molotov)|stone[- ]pelting|vandali[sz]ed|smashed|"
    r"ransacked|(?<!was )(?<!were )(?<!their )(?<!the )looted(?! (?:funds|valuables|money|goods|property|assets))|"
    r"clash(?:ed|es)? with (?:the )?(?:police|policemen|security forces|gendarmes|soldiers)|"
    r"attacked (?:the |a )?police|injur(?:ed|ing) (?:\w+ )?(?:police|officers)|"
    r"burn(?:ed|ing|t)? (?:\w+ )?(?:objects|material|debris|chairs|buildings|property|tyres|tires)|"
    r"(?:chairs|property|buildings|vehicles|cars|offices?) (?:were|was) (?:burnt|burned|destroyed|damaged|set on fire)|"
    r"barricad(?:ed|es|ing)(?! themselves)|rioters?|rioting|stormed(?! out)|attempted to (?:force|storm|break)|"
    r"(?:beaten|beat) up by (?:the )?(?:demonstrators|protesters|rioters|crowd)|"
    r"(?:demonstrators|protesters|rioters|youths?|crowd) (?:\w+ ){0,2}?(?:destroyed|damaged|attacked|beat|assaulted|"
    r"killed|stabbed|pelted|burned|burnt)|"
    # the demonstrators' own violence told in other words
    r"violent (?:demonstrations?|protests?)|(?<!who )(?<!that )(?<!armed )clash(?:ed|es)|scuffles?|throwing (?:stones|rocks)|"
    r"setting (?:\w+ )?(?:on )?fire|burn(?:ed|ing|t)? (?:\w+ )?(?:mattresses|documents|furniture)|"
    r"(?:started|tried|began) to storm|burning (?:\w+ )?(?:vehicles?|cars?|bus|buses|trucks?)|"
    r"(?:demonstrated|protested) by firing)\b", re.I)
#: Nouns that make "fire" a shooting: "fired at", "fired mortars", "fired shots".
FIRE_OBJECTS = {"shot", "round", "bullet", "weapon", "gun", "mortar", "rocket", "missile", "shell", "grenade", "arm", "bomb",
                "projectile", "volley", "tear"}
EXCESSIVE_FORCE_CUES = {"kill", "shoot", "fire", "dead", "live"}


# -- a cheap pre-filter: a paragraph lacking a word of every pattern cannot hold a trigger -----
#: Words a pattern may hold that are not required by the pre-filter.
_FUNCTION = {"the", "in", "of", "to", "out", "up", "over", "on", "off", "down", "under", "-", "*", "a", "and"}


def _inflection_stem(lemma: str) -> str:
    """A prefix shared by every regular inflection of ``lemma`` (fire/firing, carry/carries, wolf/wolves, man/men)."""
    if lemma.endswith("man"):
        return lemma[:-2]
    if len(lemma) > 2 and lemma[-1] in "eyf":
        return lemma[:-1]
    return lemma


def trigger_requirements(irregular: dict[str, set[str]]) -> list[tuple[frozenset[str], ...]]:
    """For each trigger pattern, the word prefixes a text must hold for the pattern to match.

    A pattern matches only when every one of its words occurs (as lemma or lower-cased form), so
    each word is a requirement: one of its prefixes (the regular-inflection stem, or an irregular
    form from ``irregular``, lemma -> forms) must start some word of the text. This is a
    necessary condition, never a sufficient one: the parser decides.
    """
    out: set[tuple[frozenset[str], ...]] = set()
    for t in TRIGGERS:
        for seq in t.patterns:
            reqs = []
            for w in seq:
                if w in _FUNCTION or not w.isalpha():
                    continue
                alts = {_inflection_stem(w)} | irregular.get(w, set())
                reqs.append(frozenset(alts))
            if reqs:
                out.add(tuple(reqs))
    return sorted(out, key=lambda r: [sorted(a) for a in r])


#: Words around a place that say the event was by it, not in it (ACLED geo precision 2).
NEAR_BEFORE = re.compile(
    r"\b(?:near|nearby|outside|outskirts of|km from|kilometres from|kilometers from|miles from|close to|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|vicinity of|areas? of|"
    r"around|surroundings of|countryside of|periphery of|(?<!in )fronts? of|frontlines? of|axis of|positions in)"
    r"\s*(?:the\s+)?(?:(?:city|town|village|locality) of\s+)?$")
NEAR_AFTER = re.compile(r"^\s*(?:countryside|outskirts|area|front|frontline|axis|surroundings|environs|district|"
                        r"municipality|commune|county|sub-district|subdistrict|department|region)\b")
