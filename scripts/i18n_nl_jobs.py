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
NL_JOBS_PLURAL = {
    "%(counter)s computation ahead of you in the queue.": ("nog %(counter)s berekening voor u",
                                                           "nog %(counter)s berekeningen voor u"),
}
