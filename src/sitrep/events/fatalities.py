"""Fatality counts with ACLED's conservative rules.

"dozens" = 12, "tens" = 10, "scores" = 20, "hundreds" = 100, "several"/"a few" = 3,
ranges take the lower bound ("10 to 15" = 10), "at least N" = N, "more than N" = N; both sides
are summed ("one officer and two militants were killed" = 3) and a lone victim is one ("the
victim died"). Wounded and injured are never fatalities, nor is a count of mixed outcomes ("3
were killed, injured or captured"), nor a killing told as the cause of the event ("protested
after two men were killed"), long before it, or in a bracketed aside.

A coder's own figure wins over the source's ("2 fatalities.", "fatalities coded as 10"), and a
total ACLED spreads over several events leaves each its share ("split between 2 events").
``find_fatalities`` reads one sentence and returns (count, (start, end)) or None; the extractor
gives a toll told in a later sentence to the events told before it.
"""

from __future__ import annotations

import re

_UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "dozens": 12, "tens": 10, "scores": 20, "hundreds": 100, "several": 3, "few": 3,
    "a few": 3, "a dozen": 12, "some": 3, "many": 10, "numerous": 10, "multiple": 2, "couple": 2, "a couple": 2,
    "a number": 3, "another": 1,
}
_NUMWORD = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+|a dozen|a few|a couple|a number|" + "|".join(
    sorted((w for w in _UNITS if " " not in w), key=len, reverse=True)
) + r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?\b"
#: Exact numbers only (no "a", "some", "several"): the parts of "N X and M Y were killed".
_EXACT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|" \
         r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)" \
         r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
_QUAL = (r"(?:(?:at least|more than|over|about|around|some|nearly|almost|up to|an estimated|approximately|"
         r"roughly|as many as|between|a total of|total(?: of)?)\s+)?")
_RANGE = rf"(?P<num>{_NUMWORD})(?:\s*(?:-|to|or|and)\s*{_NUMWORD})?"
#: Words that end a run of words before a victim noun: "3 May gunmen killed" counts no gunmen.
_STOP = (r"(?!(?:and|or)\s+(?:" + _EXACT + r"|an?|the|another)\b|(?:were|was|who|whom|whose|which|that|days?|weeks?|months?|hours?|years?|km|kilometres?|kilometers?|miles?|times|"
         r"jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
         r"nov(?:ember)?|dec(?:ember)?|" + _EXACT + r")\b|\d)")
_WHO = (r"(?P<who>\s+(?:of\s+(?:the|them|their)\s+)?(?:" + _STOP + r"[\w/-]+\s+){0,3}?(?:people|persons?|civilians?|soldiers?|troops|militants?|fighters?|insurgents?|policem[ae]n|police officers?|gendarmes?|victims?|suspects?|individuals?|youths?|agents?|militiam[ae]n|cadres?|traders?|journalists?|commanders?|prisoners?|inmates?|detainees?|adolescents?|siblings|brothers|relatives|man|woman|child|boy|girl|officers?|members?|men|women|children|villagers|residents|protesters?|demonstrators?|students|farmers|jihadists?|rebels?|attackers?|assailants?|gunm[ae]n|worshippers|passengers|others|bodies|combatants|terrorists|personnel|guards?|miners|herders|activists?|workers?)\b"
        r"(?:\s+of\s+the\s+(?:[\w-]+\s+){0,2}?(?:community|group|family|clan|tribe|village|town|militia))?)?")
#: A typo-tolerant "killed" ("kiled", "killled" occur in coders' notes).
_KILLED_WORD = r"kil{1,3}ed"
#: Ways to say someone died, after the victims ("were shot to death", "later succumbed").
_DIED = (rf"(?:{_KILLED_WORD}|dead|died|slain|massacred|executed|beheaded|shot dead|murdered|assassinated|"
         r"neutrali[sz]ed|lost their lives|perished|succumbed|found dead|left dead|lynched to death|"
         r"(?:(?:stoned|attacked|beaten|shot|stabbed|tortured) and )?"
         r"(?:shot|stabbed|beaten|hacked|burned|burnt|stoned|tortured|clubbed|hanged|crushed|trampled) to death|hanged|"
         rf"shot and (?:{_KILLED_WORD}|died)|(?:fatally|mortally) (?:shot|wounded|injured|stabbed|assaulted|attacked|beaten|hit))")
_ADVERBS = r"(?:(?:\w+ly|reported|later|also|all|both|then|found|soon)\s+){0,2}"
#: "two gunmen killed a soldier": an object after the verb makes the number the killers.
_OBJECT_AHEAD = rf"(?!\s+(?:an?|the|his|her|their|him|them|at least|{_EXACT})\b)"
_KILLED = rf"(?:(?:were|was|have been|had been|are|being|got)\s*{_ADVERBS}{_DIED}|{_ADVERBS}{_DIED}{_OBJECT_AHEAD})"
#: Verbs that kill their object ("shot dead 20 miners", "resulting in the deaths of 3").
_KILLS = (rf"(?:killing|{_KILLED_WORD}|kills|kill|shot dead|shooting dead|executed|executing|assassinated|"
          r"assassinating|massacred|massacring|murdered|murdering|slaughtered|slaughtering|beheaded|"
          r"neutrali[sz](?:ed|ing)|claimed the lives of|claiming the lives of|"
          r"(?:resulted in|resulting in|led to|leading to|caused|causing) the (?:deaths? of|killing of)|"
          r"death toll (?:rose to|of|at|stood at|reached)|toll (?:rose to|of|at))")

PATTERNS = [
    re.compile(rf"\b{_KILLS}\s+{_QUAL}{_RANGE}{_WHO}", re.I),
    re.compile(rf"\b{_QUAL}{_RANGE}{_WHO}(?:,?\s+including\s+[^,.;]{{0,40}}?,?|\s+[-\u2013(][^-\u2013()]{{1,80}}[-\u2013)])?"
               rf"\s+{_KILLED}", re.I),
    re.compile(rf"\b{_QUAL}{_RANGE}\s+(?:fatalities|fatality|deaths|dead)\b", re.I),
    re.compile(r"\b(?P<num>both|all (?:two|three|four|five))\s+(?:victims|men|women|of them|people)\s+(?:died|were killed)", re.I),
    # "2 members of the regime's Air Force Intelligence were killed", "five members of the CV (Red Command) died"
    re.compile(rf"\b{_QUAL}(?!an?\b){_RANGE}(?P<who>\s+(?:{_STOP}[\w'/-]+\s+(?:\([^()]{{1,40}}\)\s+)?){{1,9}}?)"
               rf"(?:(?:were|was|have been|had been)\s+{_ADVERBS}{_DIED}|(?:later\s+)?died)\b", re.I),
    re.compile(rf"\b{_KILLS}\s+(?:a|an entire|the)\s+family of\s+{_RANGE}", re.I),
    # "lynched three men to death", "the bodies of 3 civilians were found"
    re.compile(rf"\b(?:lynched|stabbed|beat|beaten|hacked|burned|burnt|stoned|tortured|clubbed)\s+{_QUAL}{_RANGE}"
               rf"(?P<who>\s+(?:{_STOP}[\w'-]+\s+){{1,3}}?)to death", re.I),
    re.compile(rf"\bbodies of\s+{_QUAL}{_RANGE}", re.I),
    # telegraphic notes: ", two gendarmes killed", "One MPP activist killed and a dozen injured"
    # (not "a unit killed" nor ", two gunmen killed a soldier")
    re.compile(rf"(?:^|[,;:]\s*|\b(?:and|resulted in|resulting in|leaving|left|with|leading to|led to)\s+){_QUAL}"
               rf"(?!an?\b){_RANGE}(?P<who>\s+(?:{_STOP}[\w'/-]+\s+){{1,3}}?)"
               rf"{_ADVERBS}{_KILLED_WORD}\b{_OBJECT_AHEAD}", re.I),
    re.compile(rf"\b(?:left|leaving)\s+{_QUAL}{_RANGE}{_WHO}(?:\s*\([^()]{{0,80}}\))?\s+dead\b", re.I),
]
#: A further clause of the same toll with a bare number: "... and 3 were killed by IEDs", ", 24 others later
#: succumbed".
_MORE = re.compile(rf"(?:\band|\bwhile|\bwhereas|[,:;])\s+(?:another\s+)?(?P<num>{_EXACT})\s+(?:others?\s+|more\s+)?"
                   rf"(?:(?:were|was)\s+)?{_ADVERBS}{_DIED}", re.I)
#: "executed 3 raids": the number counts acts, not victims.
_ACT = re.compile(r"\s+(?:[\w-]+\s+)?(?:attacks?|ambush(?:es)?|operations?|raids?|plans?|strikes?|orders?|missions?|"
                  r"assaults?|searches)\b", re.I)
_ANIMALS = re.compile(r"\s+(?:[\w-]+\s+)?(?:livestock|cattle|cows?|goats?|sheep|camels?|animals?|dogs?|donkeys?|"
                      r"horses?|heads?)\b", re.I)
#: "killed, injured or captured", "killed or wounded": a count of mixed outcomes is not a death toll.
_MIXED = re.compile(r"\s*(?:,\s*(?:injured|wounded|captured|arrested)\b|(?:,\s*)?(?:or|and/or|and)\s+"
                    r"(?:injured|wounded|captured|arrested|missing)\b)", re.I)
#: "after two children were killed", "in protest of the killing of ...": the deaths caused the event.
_CAUSE = re.compile(r"\b(?:after|(?<!the )following|in (?:protest|retaliation|reaction|response|revenge) "
                    r"(?:of|at|against|for|to|over)|to protest|to avenge|revenge for)\s+(?:[\w'-]+\s+){0,3}$|"
                    # "justice for a youth who was killed", "lit candles to honour a man who died"
                    r"\b(?:justice (?:for|to)|to hono(?:u)?r|hono(?:u)?ring|in (?:memory|hono(?:u)?r) of|commemorat\w+|"
                    r"mourn\w*|funeral of|burial of)\s+(?:[\w'-]+\s+){0,4}$|"
                    # "attempted to kill a suspect", "threatened to kill them": no one died
                    r"\b(?:attempt\w*|tried|try\w*|plot\w*|threat\w*|fail\w*|plann\w*|intend\w*|sought|seek\w*|"
                    r"wanted|vow\w*|order\w*) to $|"
                    r"\b(?:against|over|protesting|denouncing|condemning|mourning|after|following) the "
                    r"(?:deaths?|killings?|murders?) of\s+$", re.I)
#: "assassinated in 1987", "killed two years ago": an old death told as background.
_LONG_AGO = re.compile(r"\s+(?:in (?:19|20)\d\d|(?:[\w-]+\s+){0,4}?(?:earlier|previously)(?!\s+(?:today|this|that day))|(?:\w+ )?years ago|last year|(?:[\w-]+\s+){0,6}?(?:\w+ )"
                       r"(?:weeks|months|years) (?:later|ago))\b", re.I)
#: "which killed four officers (coded in a separate event)": the toll of another event.
_ELSEWHERE = re.compile(r"[^.;()]{0,40}?\((?:coded|recorded) (?:in |as )?(?:a )?separate(?:ly| event)", re.I)
#: "5 civilians were killed, including 2 children were killed": a subset already counted.
_SUBSET = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s+$", re.I)


def to_number(text: str) -> int | None:
    t = text.lower().replace(",", "").strip()
    if t == "both":
        return 2
    if t.startswith("all "):
        t = t[4:]
    if t.isdigit():
        return int(t)
    parts = re.split(r"[\s-]+", t)
    if " ".join(parts) in _UNITS:
        return _UNITS[" ".join(parts)]
    total = 0
    for p in parts:
        if p not in _UNITS:
            return None
        total += _UNITS[p]
    return total


#: The coder's own figure: "fatalities coded as 10", "Unknown fatalities coded at 3, in addition to
#: 2 known fatalities" (3 + 2).
_CODED_AS = re.compile(r"\bfatalities (?:were |was |are )?coded (?:as|at) (?:(?:a|the) )?(?:low(?:est)? estimate of )?(?P<num>\d+)"
                       r"(?:,? in addition to (?P<plus>\d+) (?:known |reported )?fatalit)?", re.I)
#: A note's closing tally, "2 fatalities." or "1 fatality, 5 injured": the coder's total for the event.
_TALLY = re.compile(r"(?:^|[.;]\s*)\W*(?:\d+|no) fatalit(?:y|ies)\b[^.;()]{0,30}(?:[.;]|$)", re.I)
_NO_VERB = r"(?:(?!(?:were|was|and|wounded|injured|arrested|killed)\b)\w[\w'-]*\s+)"
_KIN = r"(?:son|daughter|brother|sister|father|mother|wife|husband|nephew|cousin|uncle|child|friend)"
#: "one officer and two militants were killed", "2 rebel and 1 military fatality", "killed an imam and his son".
_TWO_SIDES = re.compile(
    rf"\b(?P<a>{_EXACT}|an?)\s+{_NO_VERB}{{1,4}}?and\s+(?:at least\s+)?(?:(?P<b>{_EXACT}|an?|another)\s+{_NO_VERB}{{0,4}}?|"
    rf"(?P<kin>his|her|their)\s+(?:[\w-]+\s+)?{_KIN}\s+)"
    rf"(?:(?:were|have been|had been)\s+)?{_ADVERBS}(?:{_DIED}|fatalit(?:y|ies))\b", re.I)
_KILLED_TWO = re.compile(
    rf"\b(?:{_KILLED_WORD}|killing|executed|assassinated|shot dead)\s+(?P<a>{_EXACT}|an?|the)\s+{_NO_VERB}{{1,4}}?"
    rf"and\s+(?:at least\s+)?(?:(?P<b>{_EXACT}|an?|another|the)\s+{_NO_VERB}{{0,3}}?(?:[\w-]+)|(?P<kin>his|her|their)\s+"
    rf"{_KIN})\b"
    r"(?!,?\s+(?:were\s+|was\s+)?(?:wounded|injured|arrested|abducted|kidnapped|captured|missing|hurt)\b)", re.I)
#: ACLED spreads a total over the events it codes: "Fatalities split between 2 events", "coded as 10 and
#: spread across three locations in two days"; "(2)" after it gives this event's share.
_SPLIT = re.compile(
    rf"\b(?:split|spread|distributed|divided)\s+(?:evenly\s+)?(?:between|across|among|over|into)\s+"
    rf"(?:the\s+)?(?P<n>{_EXACT})\s+(?:separate\s+|different\s+)?(?:events|locations|days|dates|attacks|incidents|"
    rf"villages|places|areas|sites)(?:\s+(?:in|over|and|on)\s+(?P<m>{_EXACT})\s+(?:events|locations|days|dates))?"
    r"(?:\s*\((?P<share>\d+)\))?", re.I)


#: "Another soldier later died of his injuries.", "2 more died at the hospital": deaths on top of a toll told before.
_ADDS = re.compile(rf"^\W*(?:another|(?:{_EXACT}|several) (?:more|others?))\b[^.;]{{0,60}}?"
                   rf"\b(?:died|{_KILLED_WORD}|succumbed|dead)\b", re.I)


def adds_to_toll(text: str) -> bool:
    """The sentence tells deaths on top of the toll told before it ("Another soldier later died.")."""
    return bool(_ADDS.search(text))


#: "In a separate attack, ...", "Elsewhere, ...": the sentence tells another event, whose toll is its own.
_ANOTHER_EVENT = re.compile(r"\b(?:separate(?:ly)?|elsewhere|meanwhile|in (?:an)?other (?:attack|incident|clash|raid|strike)|"
                            r"a (?:second|further|different|new) (?:attack|incident|clash|raid|strike))\b", re.I)


def tells_another_event(text: str) -> bool:
    """The sentence says it tells an event apart from those before it ("In a separate attack, ...")."""
    return bool(_ANOTHER_EVENT.search(text))


def states_total(text: str) -> bool:
    """The sentence is the coder's own figure ("fatalities coded as 0", "2 fatalities."): it overrides
    a count taken from the source."""
    return bool(_CODED_AS.search(text) or _TALLY.search(text))


def split_share(text: str, total: int | None) -> int | None:
    """This event's share of a ``total`` that ``text`` says is spread over several events, or None when
    it says nothing of the kind. ACLED gives the remainder to the first events, so the usual share is
    the total over the number of events, rounded half up (10 over 4 events: 3, 3, 2, 2)."""
    m = _SPLIT.search(text)
    if m is None:
        return None
    if m.group("share"):
        return int(m.group("share"))
    parts = (to_number(m.group("n")) or 1) * (to_number(m.group("m")) or 1 if m.group("m") else 1)
    if total is None or parts <= 1:
        return None
    return total // parts + (1 if 2 * (total % parts) >= parts else 0)


#: Every toll pattern holds one of these stems: sentences without one are skipped cheaply.
_DEATH_WORD = re.compile(r"kil|dead|death|die|slain|massacr|execut|behead|murder|assassin|lynch|neutrali|lives|perish|"
                         r"succumb|fatal|toll|bod(?:y|ies)|corpse|hanged|mortally", re.I)


def find_fatalities(text: str, offset: int = 0) -> tuple[int, tuple[int, int]] | None:
    """The fatality count stated in ``text`` (a sentence), with its span.

    "4 militia members and 3 militants were killed" sums both sides (7), as ACLED does; a coder's
    "fatalities coded as 0" overrides a count the source gave; a lone victim ("a man was shot to
    death", "the victim died") is one death.
    """
    found = _count(text) if _DEATH_WORD.search(text) else None
    if found is None:
        return None
    n, (s, e) = found
    share = split_share(text, n)
    return (n if share is None else share), (s + offset, e + offset)


def _count(text: str) -> tuple[int, tuple[int, int]] | None:
    coded = _CODED_AS.search(text)
    if coded:
        plus = int(coded.group("plus")) if coded.group("plus") else 0
        return int(coded.group("num")) + plus, coded.span("num")
    own = _SELF_AND.search(text)
    if own and not _caused(text, own.start()) and (n := to_number(own.group("num"))) is not None:
        return n + 1, own.span("num")  # "killed himself and four others": the attacker died too (ACLED counts him)
    for both in (_TWO_SIDES.search(text), _KILLED_TWO.search(text)):
        if both and not _caused(text, both.start()) and not _loose_article(text, both):
            a, b = _one(both.group("a")), 1 if both.group("b") is None else _one(both.group("b"))
            if a is not None and b is not None:
                return a + b, (both.start("a"), both.end("b") if both.group("b") else both.end())
    best: tuple[int, tuple[int, int]] | None = None
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            n = to_number(m.group("num"))
            if n is None or n > 100000 or _caused(text, m.start()) or _SUBSET.search(text, max(0, m.start() - 20), m.start()):
                continue
            if pattern is not PATTERNS[0] and _MIXED.match(text, m.end()) or _LONG_AGO.match(text, m.end()) \
                    or _ELSEWHERE.match(text, m.end()):
                continue
            if _ACT.match(text, m.end("num")) or m.group("num").lower() in ("a", "an") and not m.groupdict().get("who"):
                continue  # "executed a complex ambush", "executed 3 raids": acts, not victims
            if _ANIMALS.match(text, m.end("num")):
                continue  # "killed 15 livestock", "some livestock killed": no fatality
            if best is None or m.start("num") < best[1][0]:
                best = (n, m.span("num"))
    if best is not None:
        # "6 fighters were killed by direct fire and 3 were killed by IEDs": each clause adds its dead
        # unless they only break down the total ("killed 17, 14 by execution while 3 succumbed")
        extras = [(n, m.end("num")) for m in _MORE.finditer(text, best[1][1])
                  if (n := to_number(m.group("num"))) is not None and not _MIXED.match(text, m.end())
                  and not _caused(text, m.start())]
        if extras and sum(n for n, _ in extras) != best[0]:
            best = (best[0] + sum(n for n, _ in extras), (best[1][0], extras[-1][1]))
    if best is None:
        best = _them(text)
    if best is None:
        single = _SINGLE_VICTIM.search(text)
        if single and not _caused(text, single.start()) and not _MIXED.match(text, single.end()) \
                and not _LONG_AGO.match(text, single.end()):
            best = (1, single.span())
    return best


#: "arrested fifteen villagers and executed them": "them" counts the people named before it.
_KILLED_THEM = re.compile(rf"\b(?:{_KILLED_WORD}|executed|shot dead|murdered|beheaded|massacred)\s+them\b|"
                          rf"\b(?:they|those \w+|all of them)\s+(?:were|have been|had been)\s+{_ADVERBS}{_DIED}", re.I)
_PEOPLE = re.compile(rf"\b(?P<num>{_EXACT}){_WHO}", re.I)


#: "a suicide bomber killed himself and four others": the toll is the others and the attacker.
_SELF_AND = re.compile(rf"\b(?:{_KILLED_WORD}|killing|kills)\s+(?:himself|herself)\s+(?:and|along with|as well as)\s+"
                       rf"{_QUAL}{_RANGE}\b", re.I)


def _one(word: str) -> int | None:
    """A conjunct's count: "the president and the treasurer" are two."""
    return 1 if word.lower() == "the" else to_number(word)


def _them(text: str) -> tuple[int, tuple[int, int]] | None:
    them = _KILLED_THEM.search(text)
    if them is None:
        return None
    counted = [m for m in _PEOPLE.finditer(text, 0, them.start()) if m.group("who")]
    if not counted:
        return None
    n = to_number(counted[-1].group("num"))
    return None if n is None else (n, counted[-1].span("num"))


def _loose_article(text: str, m: re.Match[str]) -> bool:
    """'attacked a village and 3 people were killed': a leading 'a' counts a victim only at the head of
    a clause ('..., a priest and five worshippers were killed')."""
    if m.group("a").lower() not in ("a", "an") or m.re is _KILLED_TWO:
        return False
    before = text[:m.start("a")].rstrip()
    return not (before == "" or before[-1] in ",;:" or re.search(r"\b(?:which|when|where|and)$", before, re.I))


def _caused(text: str, start: int) -> bool:
    """The deaths at ``start`` are told as the cause of the event, or in an aside between brackets ("[killed
    in an ambush on July 6]", "(some sources reported 50 to 100 dead)"): not this event's toll."""
    before = text[:start]
    aside = before.count("(") + before.count("[") > before.count(")") + before.count("]")
    return aside or bool(_CAUSE.search(text, max(0, start - 60), start))


_SINGLE_VICTIM = re.compile(
    rf"\b(?:{_KILLED_WORD}|shot dead|murdered|executed|beheaded|assassinated|slain|(?:lynched|stabbed|beaten|beat|hacked|"
    r"burned|stoned|tortured) to death)\s+(?:a|an|the|one|him|her|another)\b(?!\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|ambush(?:es)?|operations?|raids?|plans?|strikes?|orders?|missions?|assaults?|search)\b)|"
    r"\b(?:stabbed|beat|tortured|hacked|burned|stoned|lynched|clubbed)\s+(?:a|an|the|one|him|her)\b[^.;,]{0,40}?\bto death|"
    r"\b(?:killing|shooting dead|executing|assassinating)\s+(?:him|her|a|an|one|the)\b|"
    rf"\b(?:a|an|one|the|another)\s+(?:[\w-]+\s+){{0,6}}?(?:was|has been|had been)\s+{_ADVERBS}"
    rf"(?:\w+ed\s+(?:[\w-]+\s+){{0,4}}?and\s+{_ADVERBS})?{_DIED}|"
    r"\b(?:the|a|an|one)\s+(?:[\w-]+\s+){0,2}?(?:victim|man|woman|boy|girl|child|person|soldier|officer|policeman|"
    r"civilian|suspect|driver|perpetrator|other|latter|former|attacker|assailant|fighter|militant|rebel|guard)\s+"
    r"(?:later\s+|also\s+|eventually\s+|subsequently\s+)?(?:died|succumbed)\b|"
    r"\b(?:he|she)\s+(?:later\s+|also\s+|eventually\s+|subsequently\s+)?(?:died|succumbed)\b|"
    rf"\b(?:he|she)\s+(?:was|has been|had been)\s+{_ADVERBS}{_DIED}|\b(?:his|her) body was (?:later )?found\b|"
    r"\b(?:resulted in|resulting in|led to|leading to|caused|causing) (?:the death of|another death)\b|"
    r"\bshot\s+(?:him|her)\s+dead\b|\b(?:leaving|left)\s+(?:him|her)\s+(?:dead|killed)\b|\bthe (?:[\w-]+\s+)?(?:body|corpse) of (?:a|an|one)\b",
    re.I,
)


def single_victim(text: str) -> bool:
    """'killed a soldier', 'a man was shot dead', 'the victim died': one death even with no number."""
    return bool(_SINGLE_VICTIM.search(text))
