from __future__ import annotations

import pytest

from sitrep.events.fatalities import (
    adds_to_toll,
    find_fatalities,
    single_victim,
    split_share,
    states_total,
    tells_another_event,
    to_number,
)


@pytest.mark.parametrize("text, n", [
    ("The attack killed 12 people.", 12),
    # a suicide bomber who "killed himself and four others" is among the dead (ACLED counts the attacker)
    ("A suicide bomber killed himself and four others at the market.", 5),
    ("killing at least 9 civilians", 9),
    ("Dozens of people were killed in the raid.", 12),
    ("tens of soldiers were killed", 10),
    ("between 10 and 15 people were killed", 10),
    ("10 to 15 people were killed", 10),
    ("The death toll rose to 31.", 31),
    ("six soldiers were killed and 11 wounded", 6),
    ("killing 3 and wounding 5", 3),
    ("twenty-one fighters were killed", 21),
    ("1,200 people died", 1200),
    ("4 pro-government militia members and 3 Taliban militants were killed", 7),
    ("1 soldier was killed. Fatalities coded as 0 (VoJ reported 1 fatality).", 0),
    ("Both victims died in hospital.", 2),
    # ways to die beyond "killed"
    ("A shopkeeper was stabbed to death by two men.", 1),
    ("Three farmers were fatally assaulted by a mob.", 3),
    ("One guard died.", 1),
    ("The victim died in hospital.", 1),
    ("Gunmen shot him dead outside the market.", 1),
    ("A suspect was shot and died during the raid.", 1),
    ("Rebels shot dead at least twenty traders at the market.", 20),
    ("Ten soldiers were reportedly killed.", 10),
    ("4 members of the district's rural police force were killed.", 4),
    ("five members of the Red Wolves (a local gang) died in the shoot-out", 5),
    ("The blast killed a family of four.", 4),
    ("killing between 2 to 4 fighters", 2),
    ("the rebels claimed to have killed 3 soldiers", 3),
    ("The ambush left 2 guards (including a commander) dead.", 2),
    # both sides, and further clauses of one toll
    ("one officer and two attackers were killed", 3),
    ("a teacher and a nurse were killed", 2),
    ("Seven soldiers and one rebel died in the fighting.", 8),
    ("the clash resulted in 2 rebel and 1 military fatality", 3),
    ("Bandits killed a herder and his son.", 2),
    ("6 fighters were killed by gunfire and 3 were killed by mines.", 9),
    ("Gunmen killed 12 villagers: 10 were killed in the mosque while 2 died on the road.", 12),
    # the coder's own figures and shares
    ("Unknown fatalities coded at 3, in addition to 2 known fatalities.", 5),
    ("Unclear fatalities coded as 10 and spread between 2 locations.", 5),
    ("Fatalities coded as 10 and spread across three locations in two days.", 2),
    ("Two fatalities distributed across two days.", 1),
    ("Unknown fatalities coded at a low estimate of 3.", 3),
    # telegraphic notes, pairs and people counted before "them"
    ("Gunmen ambushed a patrol near Toro, two gendarmes killed.", 2),
    ("12 people of the Dogon community killed and two wounded", 12),
    ("A school principal and another civilian were killed.", 2),
    ("A councillor and his son were killed by gunmen.", 2),
    ("Soldiers arrested and executed the mayor and the treasurer.", 2),
    ("Militiamen assassinated a chief and at least three of his relatives.", 4),
    ("Soldiers arrested fifteen herders and executed them nearby.", 15),
    ("A mob lynched three thieves to death.", 3),
    ("Three men beat to death a night guard.", 1),
    ("The bodies of three civilians were found near the road.", 3),
    ("He was later executed by his captors.", 1),
    ("His body was found the next day.", 1),
    ("The attack resulted in the killing of at least 39 militants.", 39),
    # a date or a time span before the killers counts no victims
    ("On 3 May gunmen killed a teacher.", 1),
    ("2 days later gunmen killed 5 people.", 5),
    ("In the raid, two gunmen killed a soldier.", 1),
    ("Three people - a teacher, an imam and a farmer - were killed by gunmen.", 3),
    ("The corpse of a herder was found near the well.", 1),
    ("A sergeant and his younger brother were assassinated.", 2),
    ("Seven soldiers and allied militiamen were reportedly killed.", 7),
    ("Militiamen killed at least 20 villagers (other sources said 50 to 100 were killed).", 20),
    ("Gunmen killed 3 people earlier today.", 3),
    ("Clashes resulted in 1 tribesman killed and 2 injured.", 1),
    ("Gunmen attacked his house, leaving him killed.", 1),
    ("After heavy fighting, 5 soldiers were killed.", 5),
    ("Soldiers arrested six herders at the market; those arrested were later found dead.", 6),
    ("23 men arrested by the army (a special unit) in Kalo were reportedly executed.", 23),
    ("The priest was separated from the others and shot dead.", 1),
    ("A man was arrested and later killed by the militia.", 1),
    ("The detainee was extrajudicially executed.", 1),
    ("On 9 July, a police unit killed four suspected militants.", 4),
])
def test_counts_follow_acled_rules(text, n):
    found = find_fatalities(text)
    assert found is not None, text
    assert found[0] == n


@pytest.mark.parametrize("text", [
    "Five people were wounded in the blast.",
    "Twelve protesters were arrested.",
    "The army deployed 300 troops.",
    # a count of mixed outcomes is no death toll
    "3 militants were killed, injured or captured during the operation.",
    "Six soldiers were killed or wounded.",
    # deaths told as the cause of the event, or long before it
    "Residents attacked the police station after two boys were killed by gunmen.",
    "Relatives rioted against the death of a woman who died in hospital.",
    "Hundreds marched for the leader who was assassinated in 1987.",
    "He died in another attack two months later.",
    "Fighters recovered cattle taken from a herder assassinated earlier.",
    "They demanded justice for a trader who was killed by gunmen earlier in April.",
    "The sons of the mayor [killed in an ambush on 6 July] assaulted a councillor.",
    # "a" is a victim only before a person
    "Militants executed a complex ambush on the road.",
    "The unit executed 3 raids on rebel camps.",
    "The raid left several neighbourhoods without power.",
    "The attack left 2 soldiers injured.",
    "Property was burned and some livestock killed.",
    "A man was wounded and taken to hospital.",
    # deaths honoured or demanded justice for, and attempts, are no toll of the event
    "Hundreds held a protest for justice for a youth who was killed by police.",
    "Protesters lit candles to honour a man who died in the riots.",
    "A mob attempted to kill a murder suspect.",
    "The strikes came after the rebels killed 10 soldiers.",
    "Militants burned 20 huts and killed 15 livestock.",
    # the toll of an event coded apart
    "It followed an ambush which killed four customs officers (coded as a separate event).",
])
def test_wounded_and_others_are_not_fatalities(text):
    assert find_fatalities(text) is None


def test_span_covers_the_number():
    text = "The attack killed 12 people."
    n, (s, e) = find_fatalities(text, offset=10)
    assert text[s - 10:e - 10] == "12"


def test_single_victim_and_words():
    assert single_victim("Gunmen shot dead a teacher in Gao.")
    assert not single_victim("Gunmen shot at a convoy.")
    assert to_number("dozens") == 12 and to_number("several") == 3 and to_number("forty-two") == 42


def test_a_coder_tally_overrides_and_a_split_gives_each_event_its_share():
    assert states_total("2 fatalities.") and states_total("1 fatality, 5 injured")
    assert states_total("Unknown fatalities coded as 10.")
    assert states_total("The motive is not reported.4 fatalities.")  # a tally glued to the sentence before
    assert not states_total("Police said 2 people died.")
    assert adds_to_toll("Another soldier later died of his injuries.") and adds_to_toll("2 more died in hospital.")
    assert not adds_to_toll("Another soldier was wounded.") and not adds_to_toll("Two soldiers died.")
    assert tells_another_event("In a separate attack, a bomb hit a bus.") and tells_another_event("Elsewhere, ...")
    assert not tells_another_event("The attack lasted two hours.")
    # ACLED gives the remainder to the first events: the usual share rounds half up
    assert split_share("Fatalities split between 2 events.", 48) == 24
    assert split_share("Fatalities split between four events.", 10) == 3
    assert split_share("Fatalities distributed across six events.", 31) == 5
    assert split_share("Fatalities are split across 4 events (1).", 7) == 1
    assert split_share("Fatalities are split across 4 events (2).", None) == 2
    assert split_share("The fighting spread across the region.", 10) is None
    assert split_share("Fatalities split between events.", 10) is None  # how many is not said


@pytest.mark.parametrize("body, n", [
    # the toll in a sentence of its own belongs to the event told before it
    ("On 3 March 2024, gunmen attacked an army post near Kalo. 5 soldiers were killed.", 5),
    # the coder's tally replaces the count read from the source
    ("On 3 March 2024, gunmen attacked a bus near Kalo. One man and one woman died. 3 fatalities.", 3),
    # a split over several events leaves this one its share
    (("On 3 March 2024, jets struck rebel camps near Kalo and Tamba. 40 rebels were killed. "
      "Fatalities split between 2 events."), 20),
    # a toll told before any event of the paragraph goes to the first event told after it
    ("On 3 March 2024, a trader was stabbed to death in Kalo. The attack was blamed on bandits.", 1),
    # an event retold with no toll keeps the toll told with it
    ("On 3 March 2024, 15 people were killed when a bomb hit a bus near Kalo. The bomb was planted by militants.", 15),
    # a number the parser may cut off as a sentence of its own still counts
    ("On 3 March 2024, jets bombed rebel positions near Kalo on two days. 78 rebels were killed.", 78),
    # later deaths add to the toll
    (("On 3 March 2024, gunmen attacked an army post near Kalo. 5 soldiers were killed. "
      "Another soldier later died of his wounds."), 6),
    # one toll in a paragraph reaches its events, even one typed by a later sentence
    (("On 3 March 2024, students protested in Kalo against school fees. Two people were killed. "
      "The students then burned tyres and looted shops."), 2),
])
def test_later_sentences_set_the_toll_of_the_event(code, body, n):
    events = [e for e in code(body, published="2024-03-03") if e.event_type]
    assert events, body
    top = max(events, key=lambda e: e.confidence)
    assert top.fatalities == n


@pytest.mark.parametrize("body", [
    "On 3 March 2024, militants attacked an army base in Kalo, killing 4 soldiers. "
    "In a separate attack, a roadside bomb hit a bus near Tamba.",
    "On 3 March 2024, gunmen attacked a police post in Tamba. In a separate incident, two soldiers were killed in Kalo.",
])
def test_an_event_told_apart_keeps_its_own_toll(code, body):
    events = [e for e in code(body, published="2024-03-03") if e.event_type]
    tolls = {e.sentence: e.fatalities for e in events}
    assert len(tolls) == 2 and len({t for t in tolls.values()}) == 2, tolls
