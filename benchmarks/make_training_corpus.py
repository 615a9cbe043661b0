"""Write sitrep's own training corpus: short event descriptions for ACLED's 25 sub-event types and non-events.

Every sentence is composed here from hand-written templates and slot lists (places, actors,
dates, tolls, weapons); nothing is copied from ACLED or any other dataset. Seeded, so the
output is reproducible:

    python benchmarks/make_training_corpus.py            # -> src/sitrep/data/training/events.jsonl

See src/sitrep/data/training/README.md (the data card).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/sitrep/data/training/events.jsonl"
PER_TYPE = 360
NON_EVENTS = 1600

# country, demonym, places, rebel/insurgent groups, militias/communal groups
REGIONS = [
    ("Afghanistan", "Afghan", ["Kunduz", "Ghazni", "Helmand", "Kandahar", "Jalalabad", "Baghlan", "Faryab", "Zabul"],
     ["Taliban", "Taliban fighters", "Islamic State Khorasan militants"], ["local uprising forces", "a pro-government militia"]),
    ("Syria", "Syrian", ["Idlib", "Daraa", "Deir ez-Zor", "Aleppo countryside", "Raqqa", "Maarat al-Numan", "Al-Bab"],
     ["Hayat Tahrir al-Sham", "Syrian opposition fighters", "Islamic State cells"], ["tribal fighters", "an Arab tribal militia"]),
    ("Yemen", "Yemeni", ["Marib", "Taiz", "Al Hudaydah", "Al Bayda", "Saada", "Al Dhale", "Abyan"],
     ["Houthi forces", "the Houthis", "AQAP militants"], ["Southern Transitional Council forces", "tribesmen"]),
    ("Nigeria", "Nigerian", ["Maiduguri", "Gwoza", "Zamfara", "Kaduna", "Konduga", "Katsina", "Benue"],
     ["Boko Haram", "ISWAP fighters", "bandits"], ["Fulani herders", "a vigilante group", "Civilian JTF members"]),
    ("Somalia", "Somali", ["Mogadishu", "Lower Shabelle", "Baidoa", "Kismayo", "Beledweyne", "Afgoye", "Jowhar"],
     ["Al Shabaab", "al-Shabaab militants"], ["clan militias", "a Habar Gidir clan militia"]),
    ("Mali", "Malian", ["Mopti", "Gao", "Timbuktu", "Menaka", "Segou", "Kidal", "Bandiagara"],
     ["JNIM militants", "Islamic State Sahel fighters"], ["Dozo hunters", "Dan Na Ambassagou militiamen"]),
    ("Burkina Faso", "Burkinabe", ["Djibo", "Kaya", "Dori", "Fada N'Gourma", "Ouahigouya", "Arbinda", "Diapaga"],
     ["JNIM", "Ansaroul Islam militants"], ["Koglweogo members", "Volunteers for the Defence of the Homeland"]),
    ("Democratic Republic of Congo", "Congolese", ["Beni", "Bunia", "Djugu", "Rutshuru", "Uvira", "Masisi", "Fizi"],
     ["ADF rebels", "M23 fighters", "CODECO militiamen"], ["Mai-Mai militiamen", "a Raia Mutomboki faction"]),
    ("Iraq", "Iraqi", ["Kirkuk", "Diyala", "Salahuddin", "Anbar", "Mosul", "Tarmiyah", "Tuz Khurmatu"],
     ["Islamic State militants", "IS fighters"], ["Popular Mobilization Forces", "a tribal Hashd unit"]),
    ("India", "Indian", ["Srinagar", "Pulwama", "Dantewada", "Bijapur", "Imphal", "Shopian", "Sukma"],
     ["Maoist rebels", "Hizbul Mujahideen militants", "Lashkar-e-Taiba militants"], ["a village defence group", "Salwa Judum cadres"]),
    ("Philippines", "Filipino", ["Maguindanao", "Sulu", "Marawi", "Basilan", "Samar", "Negros Oriental", "Cotabato"],
     ["New People's Army rebels", "Abu Sayyaf militants", "BIFF fighters"], ["a CAFGU unit", "a private armed group"]),
    ("Myanmar", "Myanmar", ["Rakhine", "Kyaukme", "Paletwa", "Hpakant", "Sagaing", "Lashio", "Kyaukpyu"],
     ["Arakan Army fighters", "the Kachin Independence Army", "TNLA fighters"], ["a local militia", "Pyu Saw Htee members"]),
    ("Sudan", "Sudanese", ["El Geneina", "Nyala", "Kadugli", "El Fasher", "Zalingei", "Kutum", "Tawila"],
     ["SLM-AW fighters", "SPLM-N rebels"], ["Arab militiamen", "Masalit armed men"]),
    ("South Sudan", "South Sudanese", ["Jonglei", "Yei", "Bor", "Malakal", "Wau", "Pibor", "Rumbek"],
     ["SPLA-IO forces", "NAS rebels"], ["Murle youths", "Dinka cattle keepers", "White Army fighters"]),
    ("Libya", "Libyan", ["Tripoli", "Sirte", "Benghazi", "Derna", "Misrata", "Tarhuna", "Gharyan"],
     ["LNA forces", "Islamic State militants"], ["a Zintani militia", "armed Tebu groups"]),
    ("Cameroon", "Cameroonian", ["Bamenda", "Buea", "Kumba", "Mora", "Kolofata", "Ndop", "Batibo"],
     ["Ambazonian separatists", "Amba boys", "Boko Haram"], ["vigilance committee members"]),
    ("Colombia", "Colombian", ["Cauca", "Catatumbo", "Narino", "Antioquia", "Tumaco", "Arauca", "Choco"],
     ["ELN guerrillas", "FARC dissidents", "Clan del Golfo members"], ["an armed group", "paramilitaries"]),
    ("Mozambique", "Mozambican", ["Mocimboa da Praia", "Macomia", "Palma", "Quissanga", "Muidumbe", "Ancuabe"],
     ["Ahlu Sunnah Wa-Jamo militants", "insurgents"], ["local militia members"]),
    ("Ukraine", "Ukrainian", ["Donetsk", "Avdiivka", "Horlivka", "Mariupol outskirts", "Luhansk", "Popasna"],
     ["separatist forces", "DPR fighters"], ["volunteer battalion members"]),
    ("Pakistan", "Pakistani", ["North Waziristan", "Quetta", "Bannu", "Khyber", "Turbat", "Dera Ismail Khan", "Panjgur"],
     ["TTP militants", "Baloch separatists", "BLA fighters"], ["a peace committee", "tribal elders' lashkar"]),
    ("Ethiopia", "Ethiopian", ["Oromia", "Metekel", "West Wollega", "Moyale", "Gondar", "Dembi Dolo"],
     ["OLA fighters", "Shene rebels"], ["Amhara militiamen", "Fano militia"]),
    ("Mexico", "Mexican", ["Culiacan", "Guerrero", "Michoacan", "Tamaulipas", "Zacatecas", "Chilapa"],
     ["cartel gunmen", "CJNG members"], ["self-defence groups", "an autodefensa group"]),
    ("Kenya", "Kenyan", ["Lamu", "Mandera", "Garissa", "Wajir", "Marsabit", "Baringo", "Turkana"],
     ["Al Shabaab militants"], ["Pokot raiders", "Turkana herders", "armed bandits"]),
    ("Niger", "Nigerien", ["Tillaberi", "Diffa", "Tahoua", "Ouallam", "Bosso", "Ayorou"],
     ["ISGS militants", "Boko Haram fighters"], ["Fulani armed men", "Djerma militiamen"]),
    ("Central African Republic", "Central African", ["Bambari", "Bangassou", "Kaga Bandoro", "Ndele", "Bria", "Bossangoa"],
     ["UPC rebels", "3R fighters", "ex-Seleka fighters"], ["anti-Balaka militiamen"]),
    ("Lebanon", "Lebanese", ["Beirut", "Tripoli", "Sidon", "Baalbek", "Tyre", "Nabatieh"],
     ["Hezbollah fighters"], ["clan gunmen", "armed supporters of a local family"]),
    ("Chile", "Chilean", ["Santiago", "Valparaiso", "Concepcion", "Temuco", "Antofagasta"], [], ["a group of youths"]),
    ("France", "French", ["Paris", "Lyon", "Marseille", "Nantes", "Bordeaux", "Toulouse"], [], ["masked youths"]),
    ("Bangladesh", "Bangladeshi", ["Dhaka", "Chittagong", "Sylhet", "Cox's Bazar", "Rajshahi", "Khulna"],
     ["JMB militants"], ["Awami League supporters", "BNP activists", "Chhatra League activists"]),
    ("Brazil", "Brazilian", ["Rio de Janeiro", "Sao Paulo", "Belem", "Manaus", "Salvador", "Fortaleza"],
     ["drug gang members"], ["militia members", "a gang"]),
    ("Kenya", "Kenyan", ["Nairobi", "Kisumu", "Mombasa", "Nakuru", "Eldoret"], [], ["supporters of a local MP"]),
    ("Indonesia", "Indonesian", ["Papua", "Jayapura", "Nduga", "Intan Jaya", "Poso", "Wamena"],
     ["TPNPB separatists", "West Papua rebels", "MIT militants"], ["a local mob"]),
]
STATE = ["soldiers", "the army", "troops", "government forces", "security forces", "the military",
         "{dem} soldiers", "{dem} troops", "{dem} army soldiers", "{dem} security forces", "the national army",
         "an army patrol", "special forces"]
POLICE = ["police", "{dem} police", "the police", "police officers", "riot police", "security personnel",
          "gendarmes", "anti-riot police"]
CIVILIANS = ["a civilian", "two civilians", "three villagers", "a farmer", "a shopkeeper", "a teacher", "a woman",
             "a schoolboy", "a local trader", "a herder", "a village chief", "a driver", "a health worker",
             "a family of four", "several civilians", "a journalist", "an elderly man", "a pregnant woman",
             "a displaced man", "two farmers", "a motorcycle taxi driver", "an aid worker", "a local councillor"]
DEMONSTRATORS = ["residents", "students", "traders", "teachers", "health workers", "farmers", "opposition supporters",
                 "workers", "women", "youths", "displaced people", "taxi drivers", "university students",
                 "market vendors", "members of a trade union", "relatives of detained men", "lawyers", "nurses",
                 "unpaid civil servants", "miners", "members of the local community", "fishermen"]
GRIEVANCES = ["to demand the release of detained activists", "against rising food prices", "over unpaid salaries",
              "against the lockdown measures", "to denounce insecurity in the area", "against police brutality",
              "to demand electricity and water", "against the arrest of a local leader", "over land evictions",
              "against a proposed tax increase", "to call for the resignation of the governor",
              "against the killing of a young man", "to demand better working conditions",
              "against alleged election fraud", "over the closure of a market", "in support of a jailed journalist",
              "against the construction of a dam", "to demand compensation for flood damage"]
DATES = ["On {d} {m}", "On {d} {m} {y}", "On the night of {d} {m}", "Around {d} {m}", "On {wd}", "Late on {wd}",
         "Early on {wd}", "On {wd} morning", "On {wd} evening", "Between {d} and {d2} {m}", "Overnight on {d} {m}"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUM = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "12", "14", "15", "17",
       "20", "23", "at least three", "at least five", "at least 11", "dozens of", "more than 30", "around 40"]
TOLL_END = ["", "", " No casualties were reported.", " Fatalities are unknown.", " {n} people were killed.",
            " {n} were killed and several others wounded.", " The number of casualties is not known.",
            " Several people were injured.", " {n} fighters were reported killed.", " One person died.",
            " Casualties were reported on both sides."]
#: Second sentences that add a source or context without changing the event.
FOLLOW_UPS = ["", "", "", "", " Local sources confirmed the incident.", " A security official confirmed the account.",
              " Residents said the area remained tense afterwards.", " The motive was not immediately clear.",
              " No group has claimed responsibility.", " The information could not be independently verified.",
              " The incident was reported by a local radio station.", " Witnesses described scenes of panic.",
              " Authorities said an investigation had been opened.", " It was the second such incident this month.",
              " The victims were taken to a hospital in {place2}.", " Reinforcements were sent from {place2}."]
ATTRIBUTIONS = ["", "", "", "", "", "according to local sources, ", "a military spokesman said ", "residents said ",
                "the provincial police chief said ", "reports indicate that ", "a local official said that "]
VILLAGE_WORDS = ["village", "town", "district", "area", "locality", "camp", "neighbourhood", "outskirts"]


class Slots:
    """Random slot values for one sentence, drawn from one region."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.country, self.dem, places, rebels, militias = rng.choice(REGIONS)
        self.place, self.place2 = rng.sample(places, 2)
        self.rebel = rng.choice(rebels or militias)
        self.militia = rng.choice(militias)
        d = rng.randint(1, 27)
        self.date = rng.choice(DATES).format(d=d, d2=d + 1, m=rng.choice(MONTHS), y=rng.choice(["2019", "2021", "2022", "2023", "2024"]),
                                             wd=rng.choice(WEEKDAYS))

    def fill(self, template: str) -> str:
        r = self.rng
        values = {
            "date": self.date, "place": self.place, "place2": self.place2, "country": self.country,
            "dem": self.dem, "rebel": self.rebel, "militia": self.militia,
            "state": r.choice(STATE).format(dem=self.dem), "police": r.choice(POLICE).format(dem=self.dem),
            "civ": r.choice(CIVILIANS), "demo": r.choice(DEMONSTRATORS), "why": r.choice(GRIEVANCES),
            "n": r.choice(NUM), "vil": r.choice(VILLAGE_WORDS), "toll": r.choice(TOLL_END).format(n=r.choice(NUM).capitalize()),
            "k": str(r.randint(2, 60)), "armed": r.choice(["gunmen", "armed men", "unidentified gunmen", "suspected militants",
                                                          "men on motorbikes", "assailants", "masked gunmen"]),
        }
        if not template.startswith("{date}"):  # "... in Kunduz on Monday."
            values["date"] = self.date[0].lower() + self.date[1:]
        values["toll"] += r.choice(FOLLOW_UPS).format(place2=self.place2)
        text = template.format(**values)
        lead = r.choice(ATTRIBUTIONS)
        if lead and template.startswith("{date}") and text[0].isupper() and "," in text[:40]:
            opener, rest = text.split(",", 1)  # "On Monday, a military spokesman said militants ..."
            text = f"{opener}, {lead}{rest.lstrip()}"
        return text[0].upper() + text[1:]


# Templates per ACLED sub-event type. {date} opens many; some put it later, some leave it out.
T: dict[str, list[str]] = {
    "Armed clash": [
        "{date}, {rebel} attacked a police checkpoint in {place}, killing {n} policemen before withdrawing.",
        "{date}, {rebel} raided an army outpost in {place}; {n} soldiers and several attackers died in the fighting.",
        "{date}, {state} and {rebel} engaged in a firefight on the outskirts of {place} during a search operation.{toll}",
        "{date}, an army unit was ambushed by {rebel} between {place} and {place2}; the troops fought back.{toll}",
        "{date}, {rebel} attacked security posts in {place}. Security forces responded and the attackers fled.{toll}",
        "{date}, {police} engaged {armed} in a shootout in {place}.{toll}",
        "{date}, {rebel} and {state} fought for several hours in {place}, using small arms and rocket-propelled grenades.{toll}",
        "{date}, {state} conducted a clearing operation against {rebel} in {place}; the two sides exchanged fire.{toll}",
        "{date}, {armed} attacked an army checkpoint in {place}; the soldiers repulsed the assault.{toll}",
        "{date}, {militia} and {rebel} clashed near {place} after a dispute over grazing land.{toll}",
        "{date}, {rebel} attacked {police} at a roadblock in {place}, triggering a shootout.{toll}",
        "{date}, {state} killed {n} members of {rebel} during an operation in {place}.{toll}",
        "{date}, {state} clashed with {rebel} in {place}.{toll}",
        "{date}, {rebel} attacked a military post in {place}, sparking a gunfight with {state}.{toll}",
        "Heavy fighting broke out between {state} and {rebel} near {place} {date}.{toll}",
        "{date}, {rebel} and {militia} exchanged fire in the {place} {vil}.{toll}",
        "{state} repelled an attack by {rebel} on their base in {place} {date}.{toll}",
        "{date}, {rebel} ambushed an army convoy on the road to {place}, and the soldiers fired back.{toll}",
        "A gun battle between {state} and {rebel} lasted several hours in {place}, residents said.{toll}",
        "{date}, {state} launched an offensive against {rebel} positions around {place}; fighting continued into the night.{toll}",
        "Two rival factions of {rebel} fought each other in {place} {date} over control of a checkpoint.{toll}",
        "{date}, {militia} fought {rebel} in {place} after the militants raided cattle in the {vil}.{toll}",
        "Clashes erupted {date} between {state} and {rebel} along the {place}-{place2} road.{toll}",
        "{date}, an exchange of gunfire between {police} and {armed} took place at a checkpoint in {place}.{toll}",
        "{rebel} stormed a police station in {place} {date} and engaged {police} in a firefight.{toll}",
        "Intense clashes between {state} and {rebel} were reported {date} in the {place} {vil}.{toll}",
        "{date}, a patrol of {state} came under fire from {rebel} near {place} and returned fire.{toll}",
    ],
    "Government regains territory": [
        "{date}, {state} pushed {rebel} back and reoccupied the {place} {vil}.{toll}",
        "{date}, the {dem} army said it had cleared {place} of {rebel} and restored state control.{toll}",
        "{date}, {state} recaptured {place} from {rebel} after days of fighting.{toll}",
        "{state} retook control of the {place} {vil} {date}, pushing {rebel} out of the area.{toll}",
        "{date}, {state} regained control of {place}, which had been held by {rebel} since last year.{toll}",
        "The army announced that it had liberated {place} from {rebel} {date}.{toll}",
        "{date}, {state} drove {rebel} out of {place} and raised the national flag over the district office.{toll}",
        "{rebel} were expelled from {place} {date} as {state} reclaimed the town.{toll}",
        "{date}, government troops re-entered {place} after {rebel} withdrew under pressure from an offensive.{toll}",
        "After a week-long operation, {state} took back {place} from {rebel} {date}.{toll}",
        "{date}, {state} recovered several villages around {place} previously controlled by {rebel}.{toll}",
    ],
    "Non-state actor overtakes territory": [
        "{date}, {rebel} entered {place} and occupied the government buildings after the garrison fled.{toll}",
        "{date}, {rebel} took the {place} {vil} from {militia} after brief fighting.{toll}",
        "{date}, {rebel} seized control of {place} after government forces withdrew.{toll}",
        "{rebel} overran an army base in {place} {date} and took control of the {vil}.{toll}",
        "{date}, {rebel} captured the district centre of {place} following heavy fighting.{toll}",
        "The town of {place} fell to {rebel} {date}, local officials said.{toll}",
        "{date}, {rebel} took over {place} and raised their flag over the police headquarters.{toll}",
        "{militia} seized the {place} {vil} from {rebel} {date}.{toll}",
        "{date}, {rebel} gained control of several villages near {place} as troops retreated.{toll}",
        "{rebel} captured a strategic hill overlooking {place} {date}.{toll}",
        "{date}, {rebel} overtook the {place} border crossing after a short assault.{toll}",
    ],
    "Chemical weapon": [
        "{date}, a chemical attack was reported in {place}; residents described a smell of chlorine and breathing problems.{toll}",
        "{date}, {state} allegedly dropped chlorine-filled barrels on {place}, causing dozens of cases of suffocation.{toll}",
        "Doctors in {place} treated patients for symptoms consistent with nerve gas exposure after an attack {date}.{toll}",
        "{date}, a shell carrying a toxic gas struck a residential area of {place}.{toll}",
        "{rebel} were accused of firing rockets loaded with a chemical agent at {place} {date}.{toll}",
        "{date}, a suspected sarin attack hit the {place} {vil}, according to rescuers.{toll}",
        "Mustard gas was used in an attack on {place} {date}, a monitoring group said.{toll}",
    ],
    "Air/drone strike": [
        "{date}, jets of the {dem} air force struck a gathering of {rebel} in {place}.{toll}",
        "{date}, an air raid on {place} destroyed a bridge and several vehicles.{toll}",
        "{date}, an airstrike hit a {rebel} hideout in {place}.{toll}",
        "{date}, warplanes bombed targets in {place}.{toll}",
        "A drone strike targeted a vehicle carrying {rebel} near {place} {date}.{toll}",
        "{date}, the air force carried out air strikes on {rebel} positions around {place}.{toll}",
        "Military jets struck a market in {place} {date}.{toll}",
        "{date}, helicopter gunships fired on {rebel} in the {place} {vil}.{toll}",
        "An unmanned aerial vehicle dropped explosives on a house in {place} {date}.{toll}",
        "{date}, coalition aircraft conducted raids on a training camp of {rebel} near {place}.{toll}",
        "{date}, a military aircraft bombed {place}, destroying several houses.{toll}",
        "Armed drones hit two pick-up trucks belonging to {rebel} outside {place} {date}.{toll}",
    ],
    "Suicide bomb": [
        "{date}, a suicide bomber blew himself up at a checkpoint in {place}.{toll}",
        "{date}, a suicide car bomb exploded near a military base in {place}.{toll}",
        "A suicide attacker detonated an explosive vest inside a mosque in {place} {date}.{toll}",
        "{date}, a female suicide bomber struck a market in {place}.{toll}",
        "{rebel} claimed a suicide bombing that targeted a police compound in {place} {date}.{toll}",
        "{date}, a man wearing a suicide vest blew himself up among worshippers in {place}.{toll}",
        "A suicide truck bomb rammed the gate of a government office in {place} {date}.{toll}",
        "{date}, two suicide bombers attacked a displacement camp in {place}.{toll}",
    ],
    "Shelling/artillery/missile attack": [
        "{date}, {state} fired artillery shells at {rebel} in the {place} {vil}.{toll}",
        "{date}, a rocket-propelled grenade fired by {rebel} hit a house in {place}.{toll}",
        "{date}, {rebel} shelled the outskirts of {place} with heavy weapons.{toll}",
        "{date}, {state} shelled {rebel} positions in {place}.{toll}",
        "{date}, {rebel} fired mortars at a military base in {place}.{toll}",
        "Artillery fire hit residential areas of {place} {date}.{toll}",
        "{date}, rockets fired by {rebel} landed in {place}.{toll}",
        "A ballistic missile struck an airport in {place} {date}.{toll}",
        "{date}, {state} pounded {place} with artillery and rocket launchers.{toll}",
        "Several mortar rounds fell on a market in {place} {date}.{toll}",
        "{date}, {rebel} launched a rocket attack on the {place} {vil}.{toll}",
        "Shelling by {state} damaged houses in {place} {date}.{toll}",
        "{date}, a guided missile hit a weapons depot of {rebel} near {place}.{toll}",
    ],
    "Remote explosive/landmine/IED": [
        "{date}, a sticky bomb attached to a rickshaw exploded in {place}.{toll}",
        "{date}, a motorcycle rigged with explosives blew up near a checkpoint in {place}.{toll}",
        "{date}, an explosion caused by a buried mine hit a pick-up truck carrying {civ} near {place}.{toll}",
        "{date}, a roadside bomb struck a military vehicle in {place}.{toll}",
        "{date}, an IED exploded near a police patrol in {place}.{toll}",
        "A landmine killed {civ} in {place} {date}.{toll}",
        "{date}, a car bomb went off outside a government building in {place}.{toll}",
        "A bomb planted in a market exploded in {place} {date}.{toll}",
        "{date}, a vehicle of {state} hit an improvised explosive device near {place}.{toll}",
        "{date}, a magnetic bomb attached to a car exploded in {place}.{toll}",
        "An explosive device detonated near a school in {place} {date}.{toll}",
        "{date}, {civ} stepped on a landmine while collecting firewood near {place}.{toll}",
        "{date}, a remote-controlled bomb targeted the convoy of a district governor in {place}.{toll}",
    ],
    "Grenade": [
        "{date}, {armed} threw a grenade into a crowded market in {place}.{toll}",
        "{date}, a hand grenade was lobbed at a police station in {place}.{toll}",
        "A grenade attack on a bar in {place} {date} wounded several people.{toll}",
        "{date}, {armed} hurled a grenade at a security post in {place}.{toll}",
        "{date}, a grenade exploded at the house of a local official in {place}.{toll}",
        "Suspected militants tossed a grenade at a patrol of {state} in {place} {date}.{toll}",
        "{date}, a grenade thrown over a compound wall in {place} injured {civ}.{toll}",
    ],
    "Peaceful protest": [
        "{date}, {demo} demonstrated in {place} {why}. No incidents were reported.",
        "{date}, a group of {demo} protested outside the district court in {place} {why}.",
        "{date}, {demo} in {place} boycotted classes and held a march {why}.",
        "{date}, {demo} protested in {place} {why}.",
        "{date}, hundreds of {demo} marched peacefully through {place} {why}.",
        "{demo} held a sit-in outside the governor's office in {place} {date} {why}.",
        "{date}, {demo} staged a demonstration in front of parliament in {place} {why}.",
        "A rally was held in {place} {date} by {demo} {why}.",
        "{date}, {demo} gathered in the main square of {place} {why}. The protest ended without incident.",
        "{date}, dozens of {demo} took to the streets of {place} {why}.",
        "{demo} went on strike and demonstrated in {place} {date} {why}.",
        "{date}, {demo} held a peaceful vigil in {place} {why}.",
        "{date}, {demo} blocked a road in {place} for several hours {why}.",
        "Around {k} {demo} picketed the ministry offices in {place} {date} {why}.",
    ],
    "Protest with intervention": [
        "{date}, {demo} gathered in {place} {why}, but {police} forced them to leave the square.",
        "{date}, {police} prevented {demo} from marching in {place} and detained the organisers.",
        "{date}, {police} dispersed {demo} protesting in {place} {why}, using tear gas.",
        "{date}, {demo} demonstrated in {place} {why}; {police} arrested {k} of them.",
        "{police} broke up a demonstration by {demo} in {place} {date}. The protesters were rallying {why}.",
        "{date}, {demo} protesting {why} in {place} were dispersed by {police} with water cannon.",
        "{date}, {police} fired tear gas to disperse {demo} who had gathered in {place} {why}.",
        "{demo} held a protest in {place} {date} {why}; {police} intervened and detained several participants.",
        "{date}, {police} used batons to break up a sit-in by {demo} in {place}.",
    ],
    "Excessive force against protesters": [
        "{date}, {police} opened fire on {demo} protesting in {place} {why}.{toll}",
        "{date}, security forces shot dead a protester during a peaceful demonstration in {place}.",
        "{police} fired live ammunition at unarmed {demo} demonstrating in {place} {date}.{toll}",
        "{date}, {state} killed {n} peaceful protesters in {place} who were rallying {why}.",
        "{date}, {police} beat peaceful {demo} to death during a protest in {place}.",
        "Soldiers fired into a crowd of peaceful demonstrators in {place} {date}.{toll}",
    ],
    "Violent demonstration": [
        "{date}, {demo} rallying {why} in {place} threw rocks at passing cars and smashed shop windows.",
        "{date}, a demonstration {why} in {place} turned violent when {demo} attacked a police post.",
        "{date}, {demo} rioted in {place} {why}, burning tyres and throwing stones at {police}.",
        "{date}, angry {demo} set fire to a police station in {place} {why}.",
        "Rioters looted shops and torched vehicles in {place} {date} {why}.",
        "{date}, {demo} protesting {why} in {place} pelted {police} with stones; {police} responded with tear gas.",
        "{date}, a violent protest broke out in {place} as {demo} vandalised government offices {why}.",
        "{demo} blocked roads with burning barricades and clashed with {police} in {place} {date}.",
        "{date}, protesters stormed and ransacked the district office in {place} {why}.",
        "{date}, {demo} attacked the house of a local official in {place} {why}.",
    ],
    "Mob violence": [
        "{date}, residents of two neighbouring villages near {place} attacked each other with machetes over a land dispute.{toll}",
        "{date}, a crowd set upon a man suspected of stealing a motorbike in {place} and beat him badly.",
        "{date}, a mob lynched a suspected thief in {place}.",
        "{date}, a mob of villagers beat a man accused of witchcraft to death in {place}.",
        "An angry crowd attacked and burned a suspected kidnapper in {place} {date}.",
        "{date}, {militia} supporters and rival youths fought with sticks and machetes in {place}.{toll}",
        "{date}, a group of residents assaulted a health worker in {place} over rumours about a vaccine.",
        "{date}, supporters of two rival parties clashed with stones and clubs in {place}.{toll}",
        "Villagers lynched {n} suspected bandits in {place} {date}.",
        "{date}, a mob attacked a church in {place} and beat several worshippers.",
    ],
    "Agreement": [
        "{date}, {rebel} and {militia} agreed in {place} to exchange the bodies of fighters killed in recent clashes.",
        "{date}, {state} and {rebel} signed a ceasefire agreement in {place}.",
        "{date}, the government and {rebel} agreed to a prisoner exchange mediated by elders in {place}.",
        "Leaders of {militia} and a rival community signed a peace deal in {place} {date}.",
        "{date}, {rebel} released {k} prisoners as part of an agreement with the government.",
        "{date}, warring parties in {place} reached an agreement to reopen the main road.",
        "A truce between {state} and {rebel} was agreed in {place} {date}.",
        "{date}, community leaders in {place} signed a non-aggression pact with {rebel}.",
    ],
    "Arrests": [
        "{date}, {k} people were arrested in {place} for violating the curfew.",
        "{date}, intelligence officers detained a member of {rebel} at a checkpoint in {place}.",
        "{date}, {police} arrested {k} suspected members of {rebel} in {place}.",
        "{date}, {police} detained a journalist in {place} for criticising the government.",
        "Security forces rounded up {k} people during a search operation in {place} {date}.",
        "{date}, {police} arrested an opposition leader at his home in {place}.",
        "{date}, {state} apprehended a suspected bomb maker in {place}.",
        "{date}, {police} took {k} activists into custody in {place} ahead of a planned rally.",
        "The governor of {place} was arrested {date} on charges of collaborating with {rebel}.",
    ],
    "Change to group/activity": [
        "{date}, {rebel} announced a new leader in {place} after the death of their commander.",
        "{date}, {k} fighters of {rebel} defected to {militia} in {place}.",
        "{date}, {rebel} announced the creation of a new brigade in {place}.",
        "{date}, {k} members of {rebel} surrendered to {state} in {place} with their weapons.",
        "{date}, {rebel} announced a unilateral pause in their operations around {place}.",
        "{date}, two factions of {rebel} merged in {place} and named a new commander.",
        "{date}, {state} began recruiting local youths into an auxiliary force in {place}.",
        "{date}, {rebel} imposed a curfew and a ban on mobile phones in {place}.",
        "{militia} announced {date} that they were joining {rebel}.",
        "{date}, the army relocated a battalion from {place} to {place2}.",
        "{date}, {rebel} distributed leaflets in {place} ordering residents to pay a tax.",
    ],
    "Disrupted weapons use": [
        "{date}, {state} found and removed {k} landmines from a road near {place}.",
        "{date}, troops stopped a truck carrying explosives at a checkpoint near {place} and arrested the driver.",
        "{date}, {state} defused a roadside bomb planted on the road to {place}.",
        "{date}, {police} seized a cache of weapons and explosives belonging to {rebel} in {place}.",
        "A bomb disposal team dismantled an explosive device found near a school in {place} {date}.",
        "{date}, air defences shot down a drone launched by {rebel} over {place}.",
        "{date}, {state} intercepted two rockets fired towards {place}.",
        "{date}, {police} foiled a suicide bombing in {place} by arresting the would-be attacker before he detonated his vest.",
        "{date}, {state} destroyed an IED factory run by {rebel} near {place}.",
        "Security forces discovered and safely detonated a landmine near {place} {date}.",
    ],
    "Headquarters or base established": [
        "{date}, {rebel} established a new base in {place}.",
        "{date}, {state} set up a forward operating base in {place}.",
        "{date}, {rebel} opened an office in {place} to collect taxes from traders.",
        "{rebel} built a training camp near {place} {date}, residents said.",
        "{date}, {militia} set up checkpoints and a command post in {place}.",
        "{date}, {state} deployed troops and established a permanent camp in the {place} {vil}.",
    ],
    "Looting/property destruction": [
        "{date}, {armed} broke into a bank in {place} and stole cash.",
        "{date}, {rebel} destroyed a bridge linking {place} and {place2}.",
        "{date}, {rebel} looted shops and livestock in {place}.",
        "{date}, {armed} burned down {k} houses in the {place} {vil}.",
        "{date}, {state} destroyed the homes of suspected militants in {place}.",
        "{armed} raided a health centre in {place} {date} and stole medicines.",
        "{date}, {rebel} set fire to a school in {place}.",
        "{date}, {militia} stole cattle from herders near {place}.",
        "{date}, {rebel} blew up a telecommunications tower in {place}.",
        "{date}, {armed} ransacked a warehouse of an aid agency in {place}.",
        "{date}, {armed} vandalised a mosque and a church in {place}.",
    ],
    "Non-violent transfer of territory": [
        "{date}, {state} withdrew from {place} and handed the town over to {militia}.",
        "{date}, {rebel} withdrew from {place} without fighting after negotiations with elders.",
        "{date}, {state} handed over control of the {place} base to {state}.",
        "{date}, {rebel} pulled out of {place} and {state} moved in without resistance.",
        "Foreign troops left their base in {place} {date} and handed it over to national forces.",
        "{date}, {militia} took over positions in {place} vacated by {rebel}.",
    ],
    "Other": [
        "{date}, {rebel} fired shots in the air in {place} to intimidate residents.",
        "{date}, {state} carried out a show of force, driving armoured vehicles through {place}.",
        "{date}, an unexploded shell was found in a field in {place}.",
        "{date}, a helicopter of {state} made an emergency landing near {place} after coming under unclear circumstances.",
        "{date}, {rebel} held a public rally in {place} to display their weapons.",
        "{date}, residents of {place} reported hearing heavy gunfire of unknown origin during the night.",
    ],
    "Sexual violence": [
        "{date}, a woman was sexually assaulted by a soldier at a checkpoint near {place}.",
        "{date}, {armed} raped a woman in {place}.",
        "{date}, {state} were accused of sexually assaulting women in {place} during a search operation.",
        "A girl was raped by {rebel} near {place} {date}.",
        "{date}, {rebel} abducted and raped {k} women in {place}.",
        "{date}, {armed} sexually assaulted a displaced woman collecting firewood near {place}.",
        "{date}, a teenage girl was gang-raped by {armed} in the {place} {vil}.",
    ],
    "Attack": [
        "{date}, {armed} opened fire on a minibus near {place}, killing {n} passengers.",
        "{date}, {armed} attacked a wedding party in {place}.{toll}",
        "{date}, {rebel} killed {civ} accused of spying for the army in {place}.",
        "{date}, {armed} raided the {place} {vil} at night and shot residents in their homes.{toll}",
        "{date}, {police} shot dead {civ} at a checkpoint in {place} after an argument.",
        "{date}, {armed} killed {civ} in {place}.",
        "{date}, {rebel} attacked the {place} {vil}, killing {n} civilians.",
        "{date}, {civ} was shot dead by {armed} in {place}.",
        "{date}, {rebel} killed {n} villagers in {place} and burned their homes.",
        "The body of {civ} was found with gunshot wounds in {place} {date}.",
        "{date}, {armed} stabbed {civ} to death in {place}.",
        "{date}, {state} executed {n} civilians suspected of supporting {rebel} in {place}.",
        "{date}, {rebel} beheaded {civ} in {place}.",
        "{date}, {armed} shot and wounded {civ} in {place}.",
        "{date}, {armed} assassinated a local official in {place}.",
        "{date}, {militia} attacked herders in {place}, killing {n} people.",
        "{date}, {police} tortured {civ} to death in custody in {place}.",
    ],
    "Abduction/forced disappearance": [
        "{date}, {rebel} seized {k} travellers at a fake checkpoint near {place}; their whereabouts are unknown.",
        "{date}, a businessman was taken from his car by {armed} in {place}.",
        "{date}, {armed} kidnapped {civ} in {place}.",
        "{date}, {rebel} abducted {k} passengers from a bus near {place}.",
        "{civ} was abducted by {rebel} in {place} {date}.",
        "{date}, {armed} kidnapped a priest in {place} and demanded a ransom.",
        "{date}, {state} took {civ} away from their home in {place}; the family has not heard from them since.",
        "{date}, {rebel} took {k} aid workers hostage in {place}.",
        "{date}, {armed} abducted {k} schoolchildren from a school in {place}.",
    ],
}

NON_EVENT = [
    "{rebel} have vowed to attack {place} if the army does not withdraw, a statement said.",
    "The army warned that it would launch an offensive against {rebel} in the coming weeks.",
    "{date}, a memorial service was held in {place} for soldiers killed in an ambush last year.",
    "Investigators are still trying to determine who was behind last month's bombing in {place}.",
    "Sources said {rebel} are preparing new attacks on government positions near {place}.",
    "The number of people killed in the conflict in {country} this year has risen to more than {k}00, a monitor said.",
    "A former hostage described his months in captivity in a book published {date}.",
    "The minister said the government would not tolerate protests that disrupt public order.",
    "Analysts say the conflict in {place} is unlikely to end soon without political dialogue.",
    "The {country} national team beat its rivals 2-1 in a football match in {place} {date}.",
    "{date}, residents of {place} commemorated the anniversary of a massacre that took place ten years ago.",
    "Delegations from the government and {rebel} met in {place2} for a new round of peace talks, but no agreement was reached.",
    "In an opinion piece, a former minister argued that the army needs better equipment to fight {rebel}.",
    "The {country} government is expected to announce a new budget for the security sector next month.",
    "{date}, the minister of defence visited troops in {place} and praised their courage.",
    "{rebel} have been active in the {place} area for more than a decade, according to researchers.",
    "The UN envoy called on all parties in {country} to respect international humanitarian law.",
    "Fighting in the region has displaced more than 100,000 people since 2019, aid agencies estimate.",
    "{date}, heavy rains flooded parts of {place}, destroying crops and homes.",
    "A report published {date} documents attacks on schools over the past five years.",
    "The president of {country} said in a televised speech that peace would return to {place}.",
    "{date}, a court in {place2} adjourned the trial of a former rebel commander until next month.",
    "The striker scored twice as his club won the league title in {place}.",
    "Prices of maize and sorghum have risen sharply in markets across {place}, traders say.",
    "Observers fear that the elections in {country} could be marred by violence.",
    "{date}, the army celebrated its anniversary with a parade in {place}.",
    "A documentary about the war in {place} premiered at a film festival.",
    "{date}, health authorities in {place} launched a vaccination campaign against measles.",
    "The government denied reports that it plans to negotiate with {rebel}.",
    "Security experts warn that {rebel} could exploit the withdrawal of foreign troops.",
    "{date}, the cabinet discussed a bill to expand the powers of the police.",
    "A year after the attack on {place}, survivors are still waiting for compensation.",
    "{date}, the minister of interior held talks with traditional leaders in {place} on security cooperation.",
    "The election commission of {country} published the final list of candidates {date}.",
    "{date}, hundreds of displaced families returned to {place} after the situation improved.",
    "Humanitarian agencies delivered food to {k},000 people in {place} {date}.",
    "The governor of {place} inaugurated a new hospital {date}.",
    "Researchers say the number of attacks in {country} fell by a third last year.",
    "{date}, mourners gathered in {place} for the funeral of a singer who died of illness.",
    "{rebel} have threatened to attack polling stations, but no incidents have been reported so far.",
    "Schools in {place} reopened {date} after a three-month closure due to the pandemic.",
    "The two countries agreed to increase trade and open a new border market near {place}.",
    "{date}, the national assembly of {country} approved the extension of the state of emergency.",
    "In a statement, the ministry said security had been reinforced around {place} ahead of the festival.",
    "Talks on a ceasefire in {place} are expected to resume next week, diplomats said.",
    "Local journalists say it is difficult to verify information from {place} because of poor mobile networks.",
    "{date}, farmers in {place} began planting after the first rains of the season.",
    "Fans celebrated in the streets of {place} after the team won the cup final.",
    "A veteran commander who fought in the civil war published his memoirs {date}.",
    "The price of fuel in {place} doubled this month because of a shortage of imports.",
    "{date}, the police chief of {place} was promoted and transferred to {place2}.",
    "The history of the conflict in {country} goes back to disputes over land in the 1990s.",
    "An earthquake of magnitude 5.1 shook {place} {date}, but no damage was reported.",
    "The ministry of education announced that exams will take place as planned in {place}.",
    "{date}, a conference on peace and reconciliation opened in {place2}.",
    "Residents of {place} complain that the government has neglected the region for years.",
    "The {dem} army chief said his troops were ready to protect the elections.",
    "A new road linking {place} and {place2} was opened to traffic {date}.",
]


def main() -> int:
    rng = random.Random(20261125)
    rows: list[dict[str, str]] = []
    seen: set[str] = set()

    def add(text: str, sub: str, etype: str, template: str) -> bool:
        if text in seen:
            return False
        seen.add(text)
        rows.append({"text": text, "event_type": etype, "sub_event_type": sub, "group": template})
        return True

    from sitrep.events.classifier import ACLED_SUB_TYPES

    for sub, templates in T.items():
        assert sub in ACLED_SUB_TYPES, sub
        made = tries = 0
        while made < PER_TYPE and tries < PER_TYPE * 20:
            tries += 1
            k = rng.randrange(len(templates))
            made += add(Slots(rng).fill(templates[k]), sub, ACLED_SUB_TYPES[sub], f"{sub}#{k}")
    made = tries = 0
    while made < NON_EVENTS and tries < NON_EVENTS * 20:
        tries += 1
        k = rng.randrange(len(NON_EVENT))
        made += add(Slots(rng).fill(NON_EVENT[k]), "", "", f"NONE#{k}")
    rng.shuffle(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
