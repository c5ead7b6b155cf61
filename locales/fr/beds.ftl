# beds : messages des écrans des lits et des commandes.

## Le tableau des lits

beds-floor = étage { $floor }
beds-step-free = de plain-pied
beds-minor = mineur
beds-adult = adulte
beds-group-free = { $free ->
    [one] { $free } libre
   *[other] { $free } libres
} sur { $count }
beds-cell-free = libre
beds-cell-oos = hors service
beds-cell-tonight = ce soir
beds-cell-nights = { $count }n
beds-legend-occupied = occupé
beds-legend-reserved = réservé
beds-legend-oos = hors service
beds-filter = Filtre
beds-filter-free = lits libres seulement
beds-none-yet = Aucun lit pour l'instant. Un responsable crée les chambres et les lits avec R.
beds-none-match = Aucun lit ne correspond au filtre (w : aile, f : libres seulement).
beds-detail-since = depuis le { $date }, { $count ->
    [one] { $count } nuit
   *[other] { $count } nuits
}
beds-detail-until = départ prévu le { $date }
beds-detail-reserved = réservé pour { $who }
beds-select-occupied = Choisissez d'abord un lit occupé.
beds-select-bed = Choisissez d'abord un lit.
beds-override-hint = Un responsable peut passer outre en donnant un motif.
beds-fits = convient
beds-back-in-service = Le lit est de nouveau en service.
beds-reservation-cancelled = La réservation est levée.
beds-bed-retired = Le lit est retiré : il reste dans l'historique.
beds-bed-removed = Le lit est supprimé.
beds-assigned = { $who } est au lit { $bed }.
beds-transferred = { $who } est passé(e) au lit { $bed }.
beds-checked-out = Départ de { $who } enregistré.
beds-extended = Départ prévu de { $who } enregistré.
beds-reserved = Le lit { $bed } est réservé.
beds-bed-saved = Lit { $bed } enregistré.
beds-room-saved = Chambre { $room } enregistrée.
beds-out-of-service-saved = Le lit { $bed } est hors service.
beds-error-departure-before = Le départ prévu précède la première nuit.
beds-error-checkout-before = La date de départ précède l'arrivée.

## Questions

beds-ask-back-in-service = Remettre ce lit en service ?
beds-ask-cancel-reservation = Lever la réservation de ce lit ?
beds-ask-remove-bed = Retirer ce lit du plan ? Un lit qui a déjà servi est conservé comme retiré.
beds-ask-remove-room = Retirer cette chambre et ses lits du plan ? Les chambres qui ont déjà servi sont conservées comme retirées.
beds-ask-answers = Entrée : oui · Échap : non

## Choisir une personne ou un lit

beds-pick-person = Qui dort au lit { $bed } ? { $room }
beds-pick-bed = Un lit pour { $who }
beds-pick-transfer = Déplacer { $who } vers
beds-pick-reserve = Réserver un lit pour { $who }
beds-pick-search = Recherche
beds-pick-none = Personne ni rien à choisir.
beds-pick-help = Tapez pour chercher · Entrée : choisir · Échap : retour
beds-pick-held-for-them = réservé pour cette personne
beds-candidate-at_centre = au centre depuis { $when }
beds-candidate-met = accueilli(e) { $when } { $flight }
beds-candidate-arrived = arrivé(e), sans lit
beds-candidate-expected_today = attendu(e) { $when } { $flight }
beds-candidate-expected = attendu(e) { $when } { $flight }
beds-candidate-resident = hébergé(e), sans lit
beds-candidate-departed = a quitté le centre

## Chambres et lits

beds-plan-summary = { $rooms ->
    [one] { $rooms } chambre
   *[other] { $rooms } chambres
}, { $beds ->
    [one] { $beds } lit
   *[other] { $beds } lits
}, { $oos } hors service · N nouvelle chambre · n nouveau lit · e modifier · Suppr retirer · o hors service
beds-plan-beds = { $count ->
    [one] { $count } lit
   *[other] { $count } lits
}
beds-plan-walk = ronde { $order }
beds-plan-empty = Aucune chambre : N ajoute la première.
beds-plan-no-room = Ajoutez d'abord une chambre (N).
beds-plan-retired = Conservé comme retiré : il a un historique.
beds-plan-removed = Retiré du plan.

## Formulaires

form-stay-assign-title = Arrivée au lit
form-stay-transfer-title = Changement de lit
form-stay-extend-title = Départ prévu
form-stay-checkout-title = Départ
form-stay-reserve-title = Réserver un lit
form-bed-new-title = Nouveau lit
form-bed-edit-title = Modifier le lit
form-bed-oos-title = Lit hors service
form-room-new-title = Nouvelle chambre
form-room-edit-title = Modifier la chambre
field-stay-person = Personne
field-stay-bed = Lit
field-stay-now-in = Actuellement
field-stay-wing-rule = Règle de l'aile
field-stay-first-night = Première nuit
field-stay-moving-on = Date du changement
field-stay-expected-departure = Départ prévu
field-stay-override-reason = Motif de la dérogation
field-stay-since = Au lit
field-stay-end-reason = Motif
field-stay-check-out-date = Date de départ
field-stay-reserved-for = Réservé pour
field-stay-night = Nuit
field-bed-room = Chambre
field-bed-label = Repère
field-bed-walk-order = Ordre de la ronde
field-bed-oos-reason = Motif
field-bed-oos-until = Jusqu'au (dernier jour)
field-room-name = Nom sur la porte
field-room-floor = Étage
field-room-wing = Aile
field-room-step-free = De plain-pied
stay-end-departed = Parti(e)
stay-end-transferred = Changé(e) de lit
stay-end-hospitalised = Hospitalisé(e)
stay-end-left_without_notice = Parti(e) sans prévenir
stay-end-other = Autre

## Refus (rien n'a été enregistré)

rule-bed-wing-adult_in_minors = Aile des mineurs : cette personne a { $age } ans.
rule-bed-wing-adult_in_minors-no_age = Aile des mineurs : cette personne est adulte.
rule-bed-wing-age_unknown = Aile des mineurs : l'âge de cette personne n'est pas connu.
rule-bed-wing-minor_outside = Aile { $wing } : cette personne a { $age } ans, elle est mineure (aile des mineurs ou des familles seulement).
rule-bed-wing-minor_outside-no_age = Aile { $wing } : cette personne est mineure (aile des mineurs ou des familles seulement).
rule-bed-wing-women = Aile des femmes : le genre de cette personne est { $gender }.
rule-bed-wing-men = Aile des hommes : le genre de cette personne est { $gender }.
rule-bed-out_of_service = Hors service : { $reason }.
rule-bed-out_of_service-until = Hors service jusqu'au { $until } : { $reason }.
rule-bed-retired = Ce lit n'est plus utilisé.
rule-bed-occupied = Quelqu'un occupe déjà ce lit.
rule-bed-reserved = Ce lit est réservé pour quelqu'un d'autre ce soir.
rule-bed-already_housed = Cette personne a déjà un lit : utilisez le changement de lit.
rule-bed-not_housed = Cette personne n'a pas de lit.
rule-bed-same_bed = Cette personne est déjà dans ce lit.
rule-bed-before_check_in = La date précède l'arrivée du { $from }.
rule-bed-future_date = La date est dans le futur : réservez plutôt le lit.
rule-bed-past_date = Cette date est passée.
rule-bed-case_closed = Le dossier est clos.
rule-bed-manager_only = Seul un responsable peut faire cela.
rule-bed-stay_closed = Ce séjour a été clos entre-temps.
rule-bed-taken_then = Quelqu'un d'autre occupait ce lit à cette date.
rule-bed-housed_then = Cette personne avait un autre lit à cette date.
rule-bed-room_occupied = Quelqu'un dort dans cette chambre : déplacez d'abord cette personne.
rule-bed-already_reserved = Ce lit est déjà réservé pour cette nuit.
rule-bed-duplicate_name = Une autre chambre ou un autre lit porte déjà ce nom.
rule-bed-reservation_released = La réservation était déjà levée.

## Actions et aide-mémoire

action-room_new = Nouvelle chambre
hint-bed_assign = Attribuer
hint-bed_transfer = Changer
hint-bed_checkout = Départ
hint-bed_out_of_service = Hors service
hint-filter_wing = Aile
hint-filter_free = Libres
hint-rooms_setup = Chambres
hint-room_new = Nouvelle chambre
hint-mark_present = Présent
hint-mark_absent = Absent
hint-mark_on_leave = Permission
hint-mark_hospital = Hôpital
hint-mark_unknown_person = Inconnu
hint-undo_mark = Annuler
hint-finish = Terminer

## Appel de nuit

night-progress = { $done } / { $total }
night-counts = présents { $present } · absents { $absent } · permission { $leave } · hôpital { $hospital } · inconnus { $unknown }
night-walk-help = Une touche par lit, dans l'ordre · Retour arrière : annuler · Ctrl-S : terminer
night-rerun = Ronde déjà faite cette nuit (enregistrée à { $time } par { $by }) : marquer à nouveau la met à jour.
night-nobody = Personne n'occupe de lit cette nuit.
night-mark-present = présent
night-mark-absent = ABSENT
night-mark-on_leave = en permission
night-mark-hospital = à l'hôpital
night-mark-unknown_person = PERSONNE INCONNUE
night-due-out = départ prévu le { $date }
night-reserved-for = réservé : { $who }
night-bed-empty = Personne ne devrait occuper ce lit : u signale une personne inconnue.
night-bed-occupied = Quelqu'un devrait occuper ce lit : marquez présent, absent, permission ou hôpital.
night-nothing-to-undo = Aucune marque à annuler.
night-saved = Appel enregistré.
night-finished = Appel enregistré à { $time } · { $done } / { $total } lits vérifiés
night-no-discrepancies = Aucun écart : chacun est à sa place.
night-discrepancies = { $count ->
    [one] { $count } écart
   *[other] { $count } écarts
}
night-more = … et { $count } de plus
night-finished-help = Entrée : revenir à la ronde · Échap : terminé
night-disc-absent = Absent sans permission : { $bed } · { $who }
night-disc-unknown = Personne inconnue au lit { $bed }, qui devrait être libre
night-disc-unchecked = Non vérifié : { $bed } · { $who }
night-disc-stay-ended = Séjour terminé le { $date } : { $bed } · { $who } — enregistrez le départ ou prolongez
night-disc-stay-closed = Marqué, mais le séjour a été clos depuis : { $bed } · { $who }
night-disc-unfilled = Réservé pour ce soir, personne n'est arrivé : { $bed } · { $who }
night-ask-leave = Quitter l'appel ? Les marques faites ne sont pas enregistrées.
night-absentees = { $count ->
    [one] { $count } absent à l'appel du { $night }
   *[other] { $count } absents à l'appel du { $night }
}
