"""A probe of the PLOVER categories on sentences the project wrote (none from any gold set): the
top event of each sentence against the category it was written for. It checks that the rules tuned on
the PLOVER gold records carry over to new wording; the two misses at the time of writing are names
the small NER model does not tag ("President Ruto", "Human Rights Watch"), so no party acts.
"""

from __future__ import annotations

PROBE = [
    ('AGREE', 'Kenya and Ethiopia agreed on Tuesday to reopen their common border.'),
    ('AGREE', 'The rebels promised to release all child soldiers by the end of the year.'),
    ('AGREE', 'Japan pledged to provide 30 million dollars to rebuild schools in Mosul.'),
    ('CONSULT', "The foreign ministers of Chad and Niger met in N'Djamena on Monday to discuss border security."),
    ('CONSULT', 'President Ruto held talks with his Somali counterpart in Nairobi.'),
    ('CONSULT', 'The Qatari emir telephoned the Sudanese army chief on Sunday.'),
    ('SUPPORT', "Turkey praised Azerbaijan's decision to reopen the embassy in Yerevan."),
    ('SUPPORT', 'The European Union welcomed the ceasefire agreement between Armenia and Azerbaijan.'),
    ('SUPPORT', "Egypt expressed support for the Libyan government's peace plan."),
    ('AGREE', 'Nigeria and Cameroon agreed to share intelligence on Boko Haram movements.'),
    ('COOPERATE', 'Kenya extradited two Ugandan suspects to Kampala on Friday.'),
    ('AID', 'The World Food Programme delivered 500 tonnes of food to displaced families in Tigray.'),
    ('AID', 'Saudi Arabia donated 100 million dollars to the Yemeni central bank.'),
    ('AID', 'Germany sent medical supplies to hospitals in Kharkiv on Monday.'),
    ('REQUEST', 'The United Nations called on the warring parties in Sudan to allow humanitarian access.'),
    ('REQUEST', 'Opposition leaders demanded the release of political prisoners in Harare.'),
    ('REQUEST', 'Mali asked France to withdraw its troops from the country.'),
    ('ACCUSE', 'Rwanda accused Congo of shelling its territory on Sunday.'),
    ('ACCUSE', 'Human Rights Watch condemned the killing of protesters by Ethiopian police.'),
    ('ACCUSE', 'Prosecutors in The Hague opened an investigation into war crimes in Darfur.'),
    ('REJECT', 'Israel rejected the Egyptian proposal for a truce in Gaza.'),
    ('REJECT', 'The junta refused to meet the ECOWAS delegation in Niamey.'),
    ('REJECT', 'Burundi denied visas to UN human rights investigators.'),
    ('THREATEN', 'Russia threatened to cut gas supplies to Moldova.'),
    ('THREATEN', 'The Taliban warned that they will attack foreign troops that remain after the deadline.'),
    ('THREATEN', 'Turkey threatened to launch a new military operation in northern Syria.'),
    ('PROTEST', 'Thousands of teachers marched in Nairobi on Monday to demand higher pay.'),
    ('PROTEST', 'Dock workers in Mombasa went on strike over unpaid wages.'),
    ('PROTEST', 'Residents blocked the highway to Kisumu to protest against police brutality.'),
    ('SANCTION', 'The United States imposed sanctions on three Sudanese generals.'),
    ('SANCTION', 'Niger expelled the French ambassador on Friday.'),
    ('SANCTION', 'Mali suspended cooperation with the European Union training mission.'),
    ('MOBILIZE', 'Ethiopia deployed thousands of troops to the Eritrean border.'),
    ('MOBILIZE', 'Armenia put its armed forces on high alert after the border incident.'),
    ('MOBILIZE', 'Russia mobilized reservists for the war in Ukraine.'),
    ('COERCE', 'Police arrested twenty opposition activists in Kampala on Tuesday.'),
    ('COERCE', 'The government banned all political rallies in the capital.'),
    ('COERCE', 'Authorities imposed a curfew in Kano after the riots.'),
    ('ASSAULT', 'Gunmen killed twelve villagers in Zamfara state on Sunday.'),
    ('ASSAULT', 'Russian missiles struck an apartment block in Dnipro.'),
    ('ASSAULT', 'Al Shabaab fighters attacked a military base near Kismayo.'),
    ('CONCEDE', 'The military government lifted the ban on opposition parties.'),
    ('CONCEDE', 'The president pardoned 200 prisoners on Independence Day.'),
    ('CONCEDE', 'The government apologized to the victims of the massacre.'),
    ('RETREAT', 'Russian troops withdrew from the town of Kherson on Friday.'),
    ('RETREAT', 'The rebels released thirty hostages in eastern Congo.'),
    ('RETREAT', 'The interior minister resigned after the stampede.'),
]


def test_plover_categories_on_new_sentences(pipeline):
    from sitrep.records import Article

    arts = [Article(body=text, id=str(i), language="en") for i, (_, text) in enumerate(PROBE)]
    wrong = []
    for (gold, text), coded in zip(PROBE, pipeline.run(arts)):
        best = max(coded.events, key=lambda e: e.confidence) if coded.events else None
        if (best.plover_event if best else None) != gold:
            wrong.append((gold, best.plover_event if best else None, text))
    assert len(wrong) <= 3, wrong  # 45 of 47 right when written
