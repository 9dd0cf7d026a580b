"""Dutch strings of the task queue panels (issue 16); merged into the catalogue by ``scripts/i18n_nl.py``."""

NL_JOBS = {
    "Your computation is next in the queue.": "Uw berekening is als volgende aan de beurt.",
    "Cancel computation": "Berekening annuleren",
    "You already have the maximum number of computations waiting. This panel tries again in a few seconds.":
        "U hebt al het maximale aantal berekeningen in de wachtrij. Dit paneel probeert het over enkele seconden "
        "opnieuw.",
    "The computation was cancelled. Reload the page to start it again.":
        "De berekening is geannuleerd. Laad de pagina opnieuw om haar opnieuw te starten.",
}
NL_JOBS.update({  # finished sweeps page (templates/web/sweeps.html)
    "Lever sweeps": "Sweeps van hefbomen",
    "Finished sweeps of lever combinations (command crmradar sweep). Per sweep the combinations with the largest "
    "median reduction of supply-risk-weighted demand, with the 90 % interval of the paired change.":
        "Afgeronde sweeps van combinaties van hefbomen (opdracht crmradar sweep). Per sweep de combinaties met de "
        "grootste mediane daling van de vraag gewogen naar leveringsrisico, met het 90 %-interval van het gepaarde "
        "verschil.",
    "draws": "trekkingen",
    "combinations": "combinaties",
    "Strength": "Sterkte",
    "Change in SR-weighted demand (t/yr × SR): median (P5 to P95)":
        "Verschil in vraag × leveringsrisico (t/jr × SR): mediaan (P5 tot P95)",
    "Robust (Pareto front)": "Robuust (Pareto-front)",
    "Best in share of draws": "Beste in aandeel van de trekkingen",
    "No sweeps have finished yet. Run for example: crmradar sweep --scenario targets --levers all --strengths 0.5,1 "
    "--draws 200": "Nog geen sweeps afgerond. Start er bijvoorbeeld een met: crmradar sweep --scenario targets "
    "--levers all --strengths 0.5,1 --draws 200",
})
NL_JOBS.update({  # rate limit (crmradar.web.ratelimit) and a full or read-only report folder (issue 17)
    "Too many computations started from your address or account. Try again in %(seconds)s seconds.":
        "Te veel berekeningen gestart vanaf uw adres of account. Probeer het over %(seconds)s seconden opnieuw.",
    "The report could not be saved: the server's storage is full. Nothing was stored; try again later or tell the "
    "administrator.": "Het rapport kon niet worden opgeslagen: de opslag van de server is vol. Er is niets "
    "opgeslagen; probeer het later opnieuw of meld het aan de beheerder.",
    "The report could not be saved: the server's report folder is not writable. Nothing was stored; try again "
    "later or tell the administrator.": "Het rapport kon niet worden opgeslagen: de rapportmap van de server is "
    "niet beschrijfbaar. Er is niets opgeslagen; probeer het later opnieuw of meld het aan de beheerder.",
})
NL_JOBS_PLURAL = {
    "%(counter)s computation ahead of you in the queue.": ("nog %(counter)s berekening voor u",
                                                           "nog %(counter)s berekeningen voor u"),
}
NL_JOBS.update({  # risk overview still being computed; sweeps started from the web (issue 16)
    "The risk views are being computed; reload the page in a moment.":
        "De risicobeelden worden berekend; laad de pagina zo dadelijk opnieuw.",
    "Start a lever sweep": "Sweep van hefbomen starten",
    "Every chosen lever and every combination of up to two levers, at each strength, against the baseline of each "
    "scenario, with the same random draws (paired). A sweep of up to %(n)s model runs is computed on the server in "
    "the queue; a larger one is given as a command for the command line or a computing cluster.":
        "Elke gekozen hefboom en elke combinatie van hoogstens twee hefbomen, bij elke sterkte, tegen de basislijn "
        "van elk scenario, met dezelfde toevalstrekkingen (gepaard). Een sweep van hoogstens %(n)s modelrekeningen "
        "rekent de server in de wachtrij; voor een grotere krijgt u een opdracht voor de opdrachtregel of een "
        "rekencluster.",
    "Your sweep": "Uw sweep",
    "This sweep needs %(runs)s model runs; the server computes at most %(n)s. Run it on the command line (add "
    "--scheduler tcp://HOST:PORT for a cluster):": "Deze sweep vraagt %(runs)s modelrekeningen; de server rekent er "
    "hoogstens %(n)s. Start hem op de opdrachtregel (voeg --scheduler tcp://HOST:PORT toe voor een cluster):",
    "Strengths": "Sterktes",
    "Levers combined": "Gecombineerde hefbomen",
    "one at a time": "één tegelijk",
    "up to two together": "tot twee samen",
    "Draws per combination": "Trekkingen per combinatie",
    "Start the sweep": "Sweep starten",
    "Finished sweeps": "Afgeronde sweeps",
    "See the results": "Bekijk de uitkomsten",
    "Change in primary demand (t/yr): median": "Verschil in primaire vraag (t/jr): mediaan",
    "Robust (Pareto front): no other combination has a smaller worst case (P95) for both supply-risk-weighted and "
    "primary demand. Best in at least 90 %% of draws: the combination gives the lowest supply-risk-weighted demand "
    "among combinations of as many levers in at least 90 %% of the random draws.":
        "Robuust (Pareto-front): geen andere combinatie heeft een kleiner slechtste geval (P95) voor zowel de vraag "
        "× leveringsrisico als de primaire vraag. Beste in minstens 90 % van de trekkingen: de combinatie geeft de "
        "laagste vraag × leveringsrisico van alle combinaties met evenveel hefbomen in minstens 90 % van de "
        "toevalstrekkingen.",
    "Largest median reduction": "Grootste mediane daling",
    "Pareto front of robust combinations": "Pareto-front van robuuste combinaties",
    "Best in at least 90 %% of draws": "Beste in minstens 90 % van de trekkingen",
    "No combination is best in at least 90 %% of the draws: the ranking depends on the uncertain inputs.":
        "Geen combinatie is de beste in minstens 90 % van de trekkingen: de volgorde hangt af van de onzekere "
        "invoer.",
    "Choose one or more scenarios from the list.": "Kies een of meer scenario's uit de lijst.",
    "Choose one or more levers from the list.": "Kies een of meer hefbomen uit de lijst.",
    "Choose one or more strengths from the list.": "Kies een of meer sterktes uit de lijst.",
    "Combine 1 or 2 levers.": "Combineer 1 of 2 hefbomen.",
    "Give a whole number of draws from %(low)s to %(high)s.": "Geef een heel aantal trekkingen van %(low)s tot "
    "%(high)s.",
    "Choose a year from the list.": "Kies een jaar uit de lijst.",
})
NL_JOBS_PLURAL.update({
    "The sweep is finished (%(counter)s combination).": ("De sweep is klaar (%(counter)s combinatie).",
                                                         "De sweep is klaar (%(counter)s combinaties)."),
})
