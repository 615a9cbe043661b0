"""A probe of the ACLED sub-event types on news wording the project wrote (none from ACLED notes, whose
terse style the quality gate already covers): the top ACLED event of each sentence against the
sub-type it was written for; None marks sentences that report no event. Misses at the time of
writing: looters' ransacking read as mob violence (ACLED may code either), and civilians fleeing
"after fighting" coded as the fighting.
"""

from __future__ import annotations

PROBE = [
    ('Armed clash', 'Fighting broke out between the army and Ambazonian separatists near Bamenda on Tuesday, leaving six dead.'),
    ('Armed clash', 'Soldiers exchanged fire with suspected bandits in the forest outside Gusau overnight.'),
    ('Government regains territory', 'The Somali army said it had retaken the town of Mahas from al-Shabaab after heavy fighting.'),
    ('Non-state actor overtakes territory', 'M23 rebels seized control of the mining town of Rubaya on Wednesday.'),
    ('Non-violent transfer of territory', 'Government troops handed over the Kidal base to UN peacekeepers on Monday.'),
    ('Air/drone strike', 'A drone strike killed three suspected militants in a vehicle near Jilib, residents said.'),
    ('Air/drone strike', 'Sudanese air force jets bombed a market in Nyala, killing at least twelve people.'),
    ('Shelling/artillery/missile attack', 'Russian artillery pounded residential areas of Kherson overnight, local officials said.'),
    ('Shelling/artillery/missile attack', 'Mortar rounds landed near the presidential palace in Mogadishu on Friday.'),
    ('Remote explosive/landmine/IED', 'A roadside bomb struck a minibus near Kandahar, killing four passengers.'),
    ('Remote explosive/landmine/IED', 'Two children were killed when a landmine exploded near their village in Tigray.'),
    ('Suicide bomb', 'A suicide bomber blew himself up at a checkpoint in Maiduguri, killing two soldiers.'),
    ('Grenade', 'An attacker threw a grenade into a bar in Bujumbura, wounding eight people.'),
    ('Chemical weapon', 'Syrian government helicopters dropped chlorine-filled barrels on Douma, rescuers said.'),
    ('Attack', 'Gunmen on motorbikes killed eleven villagers in an attack on a village in Zamfara state.'),
    ('Attack', 'Unknown assailants shot dead a journalist outside his home in Karachi.'),
    ('Abduction/forced disappearance', 'Gunmen kidnapped twenty passengers from a bus on the Abuja-Kaduna highway.'),
    ('Abduction/forced disappearance', 'Armed men abducted a local chief in North Kivu on Saturday.'),
    ('Sexual violence', 'Soldiers raped at least ten women during a raid on a village near Goma, rights groups said.'),
    ('Peaceful protest', 'Thousands marched through Khartoum on Thursday demanding civilian rule.'),
    ('Peaceful protest', 'Nurses staged a sit-in outside the health ministry in Lagos over unpaid salaries.'),
    ('Protest with intervention', 'Police fired tear gas to disperse hundreds of protesters in Nairobi on Tuesday.'),
    ('Excessive force against protesters', 'Security forces opened fire on demonstrators in Conakry, killing three protesters.'),
    ('Violent demonstration', 'Protesters torched police vehicles and threw stones at officers in Dakar.'),
    ('Mob violence', 'An angry mob lynched a suspected thief in a market in Kampala.'),
    ('Mob violence', 'Villagers armed with machetes attacked a neighbouring community over a land dispute in Nasarawa.'),
    ('Arrests', 'Police arrested fifteen opposition supporters in Harare on Saturday.'),
    ('Arrests', 'Security forces detained a prominent activist at the airport in Addis Ababa.'),
    ('Agreement', 'The government and the rebels signed a peace agreement in Juba on Monday.'),
    ('Agreement', 'The warring factions agreed to a ceasefire after talks in Jeddah.'),
    ('Change to group/activity', 'The army deployed reinforcements to the northern town of Mopti after the attacks.'),
    ('Change to group/activity', 'Authorities imposed a curfew in Jos following clashes.'),
    ('Disrupted weapons use', 'Police defused a bomb planted near a church in Kaduna.'),
    ('Disrupted weapons use', 'Soldiers seized a cache of weapons and ammunition in a raid on a hideout in Borno.'),
    ('Headquarters or base established', 'Al-Shabaab set up a new base in the Bakool region, residents said.'),
    ('Looting/property destruction', 'Militants burned down a school in the village of Kain in Burkina Faso.'),
    ('Looting/property destruction', 'Looters ransacked shops in Port-au-Prince overnight.'),
    ('Other', 'Thousands of civilians fled their homes after fighting in Tigray, the UN said.'),
    (None, 'Analysts say the conflict in Sudan could spread to neighbouring Chad.'),
    (None, 'The football club celebrated its victory over its rivals in Lagos.'),
    (None, 'The minister said security would be improved before the elections.'),
]


def test_acled_sub_types_on_news_wording(pipeline):
    from sitrep.records import Article

    arts = [Article(body=text, id=str(i), language="en", published="2024-05-10") for i, (_, text) in enumerate(PROBE)]
    wrong = []
    for (gold, text), coded in zip(PROBE, pipeline.run(arts)):
        acled = [e for e in coded.events if e.event_type]
        best = max(acled, key=lambda e: e.confidence) if acled else None
        if (best.sub_event_type if best else None) != gold:
            wrong.append((gold, best.sub_event_type if best else None, text))
    assert len(wrong) <= 3, wrong  # 39 of 41 right when written
