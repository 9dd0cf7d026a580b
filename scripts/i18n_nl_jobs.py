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
